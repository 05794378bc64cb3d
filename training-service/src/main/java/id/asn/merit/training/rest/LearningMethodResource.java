package id.asn.merit.training.rest;

import id.asn.merit.platform.problem.ApiException;
import id.asn.merit.platform.problem.Problem;
import id.asn.merit.platform.security.Roles;
import id.asn.merit.platform.web.PageRequest;
import id.asn.merit.platform.web.PageResponse;
import id.asn.merit.training.domain.LearningMethod;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import id.asn.merit.platform.web.IfMatch;
import id.asn.merit.training.catalog.LearningMethodRuleRequest;
import id.asn.merit.training.catalog.LearningMethodRuleView;
import id.asn.merit.training.catalog.LearningMethodRules;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/v1/learning-methods")
@Tag(name = "Learning methods", description = "Jalur pengembangan kompetensi (Perlan 10/2018) and their JP rules")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
public class LearningMethodResource {
    @Inject
    LearningMethodRules rules;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER, Roles.UNIT_HEAD, Roles.ASSESSOR, Roles.EMPLOYEE, Roles.INTEGRATOR})
    @Operation(operationId = "listLearningMethods", summary = "List the learning methods, klasikal (KL..) then nonklasikal (NKL..)",
            description = "The learning methods of the JP rules (klasikal KL01-KL12, nonklasikal NKL01-NKL13), each with its JP recognition caps; filter by pathway.")
    @APIResponse(responseCode = "200", description = "A page {items, page, size, total} of methods, klasikal first, then by code",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "one method", value = PAGE_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Unknown pathway or bad paging, the parameter named", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token")
    public PageResponse<LearningMethodView> list(
            @QueryParam("pathway") @Parameter(description = "KLASIKAL or NONKLASIKAL",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"KLASIKAL", "NONKLASIKAL"})) String pathway,
            @QueryParam("page") @Parameter(description = "0-based page", schema = @Schema(type = SchemaType.INTEGER, minimum = "0", defaultValue = "0")) String page,
            @QueryParam("size") @Parameter(description = "page size", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500", defaultValue = "50")) String size) {
        if (pathway != null && !List.of("KLASIKAL", "NONKLASIKAL").contains(pathway)) {
            throw ApiException.badRequest("pathway", "must be KLASIKAL or NONKLASIKAL");
        }
        PageRequest paging = PageRequest.parse(page, size);
        PanacheQuery<LearningMethod> query = pathway == null
                ? LearningMethod.findAll(Sort.ascending("pathway", "code"))
                : LearningMethod.find("pathway", Sort.ascending("code"), pathway);
        List<LearningMethodView> items = query.page(paging.page(), paging.size()).list().stream().map(LearningMethodView::of).toList();
        return new PageResponse<>(items, paging.page(), paging.size(), query.count());
    }

    static final String PAGE_EXAMPLE = """
            {"items":[{"code":"KL01","name":"Pelatihan Struktural Kepemimpinan","pathway":"KLASIKAL","siasnId":1,
             "siasnName":"Diklat Struktural","certificateType":"T","countsAsLeadership":true,"ruleVersion":1,
             "jpRule":{"ruleVersion":1},"version":0}],
             "page":0,"size":1,"total":25}""";

    static final String METHOD_EXAMPLE = """
            {"code":"NKL02","name":"Mentoring","pathway":"NONKLASIKAL","siasnId":15,"siasnName":"Mentoring",
             "countsAsLeadership":false,"maxJpPerRecord":2,"maxJpPerDay":4,"maxJpPerYear":40,
             "ruleNote":"mentoring: 2 JP per session, at most 40 JP a year","ruleVersion":2,
             "jpRule":{"maxJpPerRecord":2,"maxJpPerDay":4,"maxJpPerYear":40,"note":"mentoring: 2 JP per session, at most 40 JP a year","ruleVersion":2},
             "version":1}""";
    static final String RULE_REQUEST = """
            {"maxJpPerRecord":2,"maxJpPerDay":4,"maxJpPerYear":40,"ruleNote":"mentoring: 2 JP per session, at most 40 JP a year",
             "countsAsLeadership":false}""";
    static final String RULES_EXAMPLE = """
            {"items":[{"code":"NKL02","ruleVersion":1,"maxJpPerRecord":2,
              "note":"mentoring: 2 JP per session (regional practice, UNCONFIRMED)","changedBy":"system","changedAt":"2026-01-05T08:00:00Z"},
             {"code":"NKL02","ruleVersion":2,"maxJpPerRecord":2,"maxJpPerDay":4,"maxJpPerYear":40,
              "note":"mentoring: 2 JP per session, at most 40 JP a year","changedBy":"admin","changedAt":"2026-03-02T09:15:00Z"}],
             "page":0,"size":50,"total":2}""";
    static final String INVALID_CAP = """
            {"type":"urn:asn:problem:validation","title":"Invalid request","status":400,"detail":"maxJpPerYear: must be greater than 0, or null for no cap",
             "instance":"/api/v1/learning-methods/NKL02","errors":[{"field":"maxJpPerYear","message":"must be greater than 0, or null for no cap"}]}""";
    static final String STALE = """
            {"type":"urn:asn:problem:stale-version","title":"Precondition failed","status":412,
             "detail":"learning method NKL02 is at version 1, not 0; read it again","instance":"/api/v1/learning-methods/NKL02"}""";
    static final String IF_MATCH_REQUIRED = """
            {"type":"urn:asn:problem:precondition-required","title":"Precondition required","status":428,
             "detail":"If-Match: is required: send the ETag of the method, e.g. \\"0\\"","instance":"/api/v1/learning-methods/NKL02",
             "errors":[{"field":"If-Match","message":"is required: send the ETag of the method, e.g. \\"0\\""}]}""";
    static final String NOT_FOUND = """
            {"type":"urn:asn:problem:not-found","title":"Not found","status":404,"detail":"learning method XX99 does not exist",
             "instance":"/api/v1/learning-methods/XX99"}""";

    @GET
    @Path("/{code}")
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER, Roles.UNIT_HEAD, Roles.ASSESSOR, Roles.EMPLOYEE, Roles.INTEGRATOR})
    @Operation(operationId = "getLearningMethod", summary = "Read one learning method with its JP rule",
            description = "One learning method with its caps per record, per day and per year (null = as stated by the training itself); the ETag carries its version.")
    @APIResponse(responseCode = "200", description = "The method; ETag carries the version", content = @Content(schema = @Schema(implementation = LearningMethodView.class)))
    @APIResponse(responseCode = "404", description = "No such method", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "not found", value = NOT_FOUND)))
    public Response get(@PathParam("code") String code) {
        LearningMethod method = LearningMethod.findById(code);
        if (method == null) {
            throw ApiException.notFound("learning method", code);
        }
        return Response.ok(LearningMethodView.of(method)).tag(new EntityTag(Long.toString(method.version))).build();
    }

    @PUT
    @Path("/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "replaceLearningMethodRule", summary = "Change a learning method's JP caps (a new rule version)",
            description = "Replaces the caps per record, per day and per year (null = unlimited, else > 0), the rule note, whether the method "
                    + "counts as leadership training and, when given, the name; the SIASN jenisDiklat id, name and certificate type stay. "
                    + "If-Match with the ETag read is required (428 without, 412 when stale). Each change of a cap is a new ruleVersion, "
                    + "kept at GET .../rules, and queues the recomputation of the recognised JP of every person-year with records of the "
                    + "method. ADMIN only; audited.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LearningMethodRuleRequest.class),
            examples = @ExampleObject(name = "mentoring capped per year", value = RULE_REQUEST)))
    @APIResponse(responseCode = "200", description = "The method after the change; the ETag carries its new version",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LearningMethodView.class),
                    examples = @ExampleObject(name = "rule version 2", value = METHOD_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A cap not above 0, too long a note, or a bad If-Match; the field named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "cap", value = INVALID_CAP)))
    @APIResponse(responseCode = "403", description = "Not ADMIN")
    @APIResponse(responseCode = "404", description = "No such method", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "not found", value = NOT_FOUND)))
    @APIResponse(responseCode = "412", description = "Stale If-Match", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "stale", value = STALE)))
    @APIResponse(responseCode = "428", description = "If-Match missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "If-Match", value = IF_MATCH_REQUIRED)))
    public Response replaceRule(@PathParam("code") @Parameter(example = "NKL02") String code,
            @HeaderParam(IfMatch.HEADER) @Parameter(description = "the ETag read, e.g. \"0\"", required = true, example = "\"0\"") String ifMatch,
            LearningMethodRuleRequest request) {
        Long expected = IfMatch.parse(ifMatch);
        if (expected == null) {
            String message = "is required: send the ETag of the method, e.g. \"0\"";
            throw new ApiException(428, "urn:asn:problem:precondition-required", "Precondition required", IfMatch.HEADER + ": " + message,
                    List.of(new Problem.FieldError(IfMatch.HEADER, message)));
        }
        if (request == null) {
            throw ApiException.badRequest("body", "is required: the caps {maxJpPerRecord, maxJpPerDay, maxJpPerYear} (null = unlimited)");
        }
        LearningMethodView updated = rules.replace(code, expected, request);
        return Response.ok(updated).tag(new EntityTag(Long.toString(updated.version()))).build();
    }

    @GET
    @Path("/{code}/rules")
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER, Roles.UNIT_HEAD, Roles.ASSESSOR, Roles.EMPLOYEE, Roles.INTEGRATOR})
    @Operation(operationId = "listLearningMethodRuleVersions", summary = "Every version of a learning method's JP caps",
            description = "The rule versions of the method, oldest first (version 1 is the seeded rule), each with its caps, note, who changed it and when; paged.")
    @APIResponse(responseCode = "200", description = "A page {items, page, size, total} of rule versions",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "two versions", value = RULES_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Bad paging, the parameter named", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such method", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "not found", value = NOT_FOUND)))
    public PageResponse<LearningMethodRuleView> ruleVersions(@PathParam("code") @Parameter(example = "NKL02") String code,
            @QueryParam("page") @Parameter(description = "0-based page", schema = @Schema(type = SchemaType.INTEGER, minimum = "0", defaultValue = "0")) String page,
            @QueryParam("size") @Parameter(description = "page size", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500", defaultValue = "50")) String size) {
        return rules.versions(code, PageRequest.parse(page, size));
    }
}
