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
import java.time.OffsetDateTime;

/** A programme of the training catalogue; a record made "from a programme" takes its title, method, organizer, JP. */
@Entity
@Table(name = "training_program")
public class TrainingProgram extends PanacheEntityBase {
    @Id
    public String code;
    public String title;
    @Column(name = "method_code")
    public String methodCode;
    public String organizer;
    public BigDecimal jp;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "competency_codes", columnDefinition = "varchar(50)[]")
    public String[] competencyCodes = new String[0];
    /** PKP, PKA, PKN_II or PKN_I when the programme is a leadership training (domain.md §5.4). */
    @Column(name = "leadership_level")
    public String leadershipLevel;
    public boolean active = true;
    @Version
    public long version;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
