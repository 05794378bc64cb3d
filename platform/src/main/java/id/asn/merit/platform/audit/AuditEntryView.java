package id.asn.merit.platform.audit;

import com.fasterxml.jackson.annotation.JsonRawValue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;

/** An audit entry as the API shows it (SYSTEM.md §4). */
@Schema(name = "AuditEntry")
public record AuditEntryView(long id, OffsetDateTime at, String actor, List<String> roles, String action, String entity,
        String entityId, @JsonRawValue @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT) String before,
        @JsonRawValue @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT) String after,
        String requestId) {

    static AuditEntryView of(AuditEntry e) {
        List<String> roles = e.roles == null || e.roles.isBlank() ? List.of() : List.of(e.roles.split(","));
        return new AuditEntryView(e.id, e.at, e.actor, roles, e.action, e.entity, e.entityId, e.beforeJson, e.afterJson, e.requestId);
    }
}
