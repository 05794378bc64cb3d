package id.asn.merit.training.plans;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One item of a plan: a competency to develop, by which method, for whom, how many JP, at what budget and when. */
@Entity
@Table(name = "development_plan_item")
public class DevelopmentPlanItem extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "plan_id")
    public UUID planId;
    public int seq;
    @Column(name = "competency_code")
    public String competencyCode;
    @Column(name = "method_code")
    public String methodCode;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "target_nips", columnDefinition = "varchar(18)[]")
    public String[] targetNips = new String[0];
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "target_position_codes", columnDefinition = "varchar(50)[]")
    public String[] targetPositionCodes = new String[0];
    @Column(name = "planned_jp")
    public BigDecimal plannedJp;
    public long budget;
    @Column(name = "schedule_from")
    public LocalDate scheduleFrom;
    @Column(name = "schedule_to")
    public LocalDate scheduleTo;
    public boolean generated;
    public String reason;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
