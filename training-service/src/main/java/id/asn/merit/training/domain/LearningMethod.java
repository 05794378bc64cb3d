package id.asn.merit.training.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;

/** A jalur pengembangan kompetensi (klasikal or nonklasikal) with its JP recognition rule. */
@Entity
@Table(name = "learning_method")
public class LearningMethod extends PanacheEntityBase {
    @Id
    public String code;
    public String name;
    public String pathway;
    @Column(name = "siasn_id")
    public Integer siasnId;
    @Column(name = "siasn_name")
    public String siasnName;
    @Column(name = "certificate_type")
    public String certificateType;
    @Column(name = "max_jp_per_record")
    public BigDecimal maxJpPerRecord;
    @Column(name = "max_jp_per_day")
    public BigDecimal maxJpPerDay;
    @Column(name = "max_jp_per_year")
    public BigDecimal maxJpPerYear;
    @Column(name = "rule_note")
    public String ruleNote;
    /** Whether records of this method can prove a leadership training (PKP, PKA, PKN II, PKN I; domain.md §5.4). */
    @Column(name = "counts_as_leadership")
    public boolean countsAsLeadership;
    @Column(name = "rule_version")
    public int ruleVersion;
    @Version
    public long version;
}
