package id.asn.merit.competency.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** An entry of the competency dictionary. */
@Entity
@Table(name = "competency")
public class Competency extends PanacheEntityBase {
    @Id
    public String code;
    @Enumerated(EnumType.STRING)
    @Column(name = "grp")
    public CompetencyGroup competencyGroup;
    public String name;
    public String definition;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "competency_level", joinColumns = @JoinColumn(name = "competency_code"))
    @OrderBy("level")
    public List<CompetencyLevel> levels = new ArrayList<>();
    @Version
    public long version;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    /** Set once the competency is retired: no longer offered for new use, but kept because standards and assessments name it. */
    @Column(name = "retired_at")
    public OffsetDateTime retiredAt;
    @Column(name = "retired_by")
    public String retiredBy;

    public boolean retired() {
        return retiredAt != null;
    }
}
