package id.asn.merit.training.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One line of the JP log: a training a person completed, with the JP stated on its certificate (domain.md §5.2) and
 * its verification status. {@code year} is the calendar year of {@code endDate}. After any change of a record's
 * status, JP, dates or method, {@code JpLedger.refresh} must run in the same transaction.
 */
@Entity
@Table(name = "training_record")
public class TrainingRecord extends PanacheEntityBase {
    @Id
    public UUID id;
    public String nip;
    @Column(name = "program_code")
    public String programCode;
    public String title;
    @Column(name = "method_code")
    public String methodCode;
    public String organizer;
    @Column(name = "start_date")
    public LocalDate startDate;
    @Column(name = "end_date")
    public LocalDate endDate;
    public int year;
    public BigDecimal jp;
    @Column(name = "duration_minutes")
    public Integer durationMinutes;
    @Column(name = "certificate_number")
    public String certificateNumber;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "competency_codes", columnDefinition = "varchar(50)[]")
    public String[] competencyCodes = new String[0];
    @Column(name = "leadership_level")
    public String leadershipLevel;
    public Long cost;
    /** PENDING, VERIFIED or REJECTED ({@link JpRecognition.Status}). */
    public String status;
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;
    @Column(name = "decision_reason")
    public String decisionReason;
    @Column(name = "submitted_by")
    public String submittedBy;
    /** API or IMPORT. */
    public String source = "API";
    @Column(name = "import_job_id")
    public UUID importJobId;
    @Version
    public long version;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    public JpRecognition.Entry entry() {
        return new JpRecognition.Entry(id, JpRecognition.Status.valueOf(status), methodCode, startDate, endDate, jp);
    }
}
