package id.asn.merit.merit.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One published, immutable version of the merit policy; the rules are kept as JSON ({@link MeritPolicyRules}). */
@Entity
@Table(name = "merit_policy")
public class MeritPolicy extends PanacheEntityBase {
    @Id
    public Integer version;
    @Column(name = "effective_from", nullable = false)
    public LocalDate effectiveFrom;
    @Column(name = "body", nullable = false, updatable = false)
    public String rulesJson;
    @Column(updatable = false)
    public String note;
    @Column(name = "published_by", nullable = false, updatable = false)
    public String publishedBy;
    @Column(name = "published_at", nullable = false, updatable = false)
    public OffsetDateTime publishedAt;
}
