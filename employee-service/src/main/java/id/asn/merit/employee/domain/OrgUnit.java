package id.asn.merit.employee.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/** A node of the organisation tree. {@code path} holds the codes from the root, so a subtree is one index scan. */
@Entity
@Table(name = "org_unit")
public class OrgUnit extends PanacheEntityBase {
    @Id
    public String code;
    public String name;
    @Column(name = "parent_code")
    public String parentCode;
    /** The label of {@link #depth} ({@link OrgLevels#label}): fixed by the parent, never chosen freely. */
    public String level;
    /** 1 for the root; the parent's depth + 1. */
    public int depth;
    public String path;
    public boolean active = true;
    @Version
    public long version;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    public List<String> pathCodes() {
        return Arrays.asList(path.split("/"));
    }
}
