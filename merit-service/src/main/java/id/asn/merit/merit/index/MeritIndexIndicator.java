package id.asn.merit.merit.index;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * One indicator of the merit index self-assessment (data an ADMIN edits, seeded by V3_5). {@code version} is kept by
 * {@link MeritIndexIndicators} (+1 on every change) and is the ETag a change names in If-Match.
 */
@Entity
@Table(name = "merit_index_indicator")
public class MeritIndexIndicator extends PanacheEntityBase {
    @Id
    public String code;
    @Column(name = "aspect_code")
    public String aspectCode;
    @Column(name = "aspect_name")
    public String aspectName;
    public String name;
    public String description;
    public BigDecimal weight;
    /** One of {@link MeritIndexMeasures#MEASURES}, or null: scored by the institution. */
    public String measure;
    /** JSON array of three ascending percents, e.g. [25, 50, 75]; null for an indicator that is not measured. */
    @Column(name = "score_thresholds")
    public String scoreThresholds;
    @Column(name = "sort_order")
    public int sortOrder;
    public boolean active;
    public long version;
    @Column(name = "updated_by")
    public String updatedBy;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
