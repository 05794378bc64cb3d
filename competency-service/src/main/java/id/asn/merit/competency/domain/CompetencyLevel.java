package id.asn.merit.competency.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One of the five levels of a competency, with its behaviour indicators (a JSON array). */
@Embeddable
public class CompetencyLevel {
    public int level;
    public String title;
    public String description;
    @Column(name = "indicators")
    public String indicatorsJson = "[]";
}
