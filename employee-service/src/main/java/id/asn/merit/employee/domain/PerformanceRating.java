package id.asn.merit.employee.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** An SKP rating: the matrix's derived rating, and the final one (the same unless the rater overrode it, with a reason). */
@Entity
@Table(name = "performance_rating")
public class PerformanceRating extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String nip;
    public int year;
    @Enumerated(EnumType.STRING)
    public RatingPeriod period;
    @Enumerated(EnumType.STRING)
    @Column(name = "work_result")
    public Appraisal workResult;
    @Enumerated(EnumType.STRING)
    @Column(name = "work_behaviour")
    public Appraisal workBehaviour;
    @Enumerated(EnumType.STRING)
    @Column(name = "derived_rating")
    public SkpRating derivedRating;
    @Enumerated(EnumType.STRING)
    public SkpRating rating;
    @Column(name = "override_reason")
    public String overrideReason;
    public String rater;
    @Column(name = "rater_nip")
    public String raterNip;
    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;
}
