package id.asn.merit.employee.rest;

import id.asn.merit.platform.audit.AuditEntryView;
import id.asn.merit.platform.audit.AuditLog;
import id.asn.merit.platform.security.Roles;
import id.asn.merit.platform.web.PageRequest;
import id.asn.merit.platform.web.PageResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The audit log of employee-service (org units, employees), for ADMIN only. */
@Path("/api/v1/employees/audit")
@Tag(name = "Audit")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
public class EmployeeAuditResource {
    @Inject
    AuditLog audit;

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "listEmployeeServiceAudit", summary = "Audit entries of employee-service, newest first",
            description = "Every change in employee-service with who made it (token subject and roles), when, the request id and the entity before and after. ADMIN only; paged, newest first.")
    @APIResponse(responseCode = "200", description = "A page of audit entries")
    @APIResponse(responseCode = "403", description = "Only ADMIN reads the audit log")
    public PageResponse<AuditEntryView> list(@QueryParam("entity") String entity, @QueryParam("id") String id,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return audit.find(entity, id, PageRequest.of(page, size));
    }
}
