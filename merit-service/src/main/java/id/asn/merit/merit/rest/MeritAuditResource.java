package id.asn.merit.merit.rest;

import id.asn.merit.platform.audit.AuditEntryView;
import id.asn.merit.platform.audit.AuditLog;
import id.asn.merit.platform.problem.Problem;
import id.asn.merit.platform.security.Roles;
import id.asn.merit.platform.web.PageRequest;
import id.asn.merit.platform.web.PageResponse;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import static id.asn.merit.merit.rest.MeritPolicyExamples.AUDIT_PAGE;
import static id.asn.merit.merit.rest.MeritPolicyExamples.BAD_SIZE;
import static id.asn.merit.merit.rest.MeritPolicyExamples.FORBIDDEN;
import static id.asn.merit.merit.rest.MeritPolicyExamples.UNAUTHENTICATED;

/** The audit log of merit-service (append-only), for ADMIN only. */
@Path("/api/v1/merit-policies/audit")
@Authenticated
@Tag(name = "Merit service audit", description = "Who changed what in merit-service, and when")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
public class MeritAuditResource {
    @Inject
    AuditLog audit;

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "listMeritServiceAudit", summary = "Audit entries of merit-service, newest first",
            description = "Every change in merit-service (policy versions first of all) with who made it, when, the request id and the entity before and after. ADMIN only; paged.")
    @APIResponse(responseCode = "200", description = "A page of audit entries", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "publish", value = AUDIT_PAGE)))
    @APIResponse(responseCode = "400", description = "Bad paging", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "size", value = BAD_SIZE)))
    @APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "unauthenticated", value = UNAUTHENTICATED)))
    @APIResponse(responseCode = "403", description = "Only ADMIN reads the audit log", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "forbidden", value = FORBIDDEN)))
    public PageResponse<AuditEntryView> list(
            @QueryParam("entity") @Parameter(description = "entity type", example = "MeritPolicy") String entity,
            @QueryParam("id") @Parameter(description = "entity id", example = "2") String id,
            @QueryParam("page") @Parameter(description = "0-based page", schema = @Schema(type = SchemaType.INTEGER, minimum = "0", defaultValue = "0")) String page,
            @QueryParam("size") @Parameter(description = "page size", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500", defaultValue = "50")) String size) {
        return audit.find(entity, id, PageRequest.parse(page, size));
    }
}
