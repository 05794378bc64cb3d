package id.asn.merit.training.catalog;

import id.asn.merit.platform.problem.ApiException;
import id.asn.merit.platform.problem.Problem;
import id.asn.merit.platform.security.Roles;
import id.asn.merit.platform.web.Idempotency;
import id.asn.merit.platform.web.IfMatch;
import id.asn.merit.platform.web.PageRequest;
import id.asn.merit.training.rest.BooleanParam;
import id.asn.merit.platform.web.PageResponse;
import id.asn.merit.training.domain.TrainingRecordRules;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The training programme catalogue: create, list, read, replace, withdraw (SYSTEM.md §3). */
@Path("/api/v1/training-programs")
@Tag(name = "Training programmes", description = "The catalogue of training programmes records can be made from")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
public class TrainingProgramResource {
    static final String PATH = "/api/v1/training-programs";

    @Inject
    TrainingPrograms programs;
    @Inject
    Idempotency idempotency;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER})
    @Operation(operationId = "createTrainingProgram", summary = "Add a programme to the training catalogue",
            description = "A known learning method, jp > 0, competencies known to the dictionary (not retired), and a leadershipLevel "
                    + "(PKP, PKA, PKN_II, PKN_I) only on a method that counts as leadership training. An existing code is a 409. "
                    + "Idempotency-Key honoured. ADMIN and HR_OFFICER; audited.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TrainingProgramRequest.class),
            examples = {@ExampleObject(name = "leadership training", value = REQUEST), @ExampleObject(name = "technical", value = REQUEST_TEKNIS)}))
    @APIResponse(responseCode = "201", description = "Created; Location and ETag set", headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TrainingProgramView.class),
                    examples = @ExampleObject(name = "created", value = VIEW)))
    @APIResponse(responseCode = "400", description = "Invalid input, every wrong field named", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "invalid", value = INVALID)))
    @APIResponse(responseCode = "409", description = "A programme with this code exists", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "exists", value = EXISTS)))
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used with another body", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    public Response create(TrainingProgramRequest request, @Context UriInfo uri,
            @HeaderParam(Idempotency.HEADER) @Parameter(description = "retry-safe create: the same key and body replay the first response") String idempotencyKey) {
        if (request == null) {
            throw ApiException.badRequest("body", "is required: {code, title, methodCode, organizer, jp, competencyCodes[]}");
        }
        programs.validate(request, null);
        return idempotency.run(idempotencyKey, PATH, request, () -> {
            TrainingProgramView created = programs.create(request);
            return Response.created(uri.getBaseUriBuilder().path(PATH).path(created.code()).build()).tag(etag(created))
                    .entity(created).build();
        });
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER, Roles.UNIT_HEAD, Roles.ASSESSOR, Roles.EMPLOYEE, Roles.INTEGRATOR})
    @Operation(operationId = "listTrainingPrograms", summary = "List the training catalogue",
            description = "Active programmes by code (inactive ones too with includeInactive=true), filtered by learning method, leadership "
                    + "level and words of the title; paged.")
    @APIResponse(responseCode = "200", description = "A page {items, page, size, total}", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "page", value = PAGE)))
    @APIResponse(responseCode = "400", description = "A bad parameter, named", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "bad level", value = BAD_LEVEL)))
    public PageResponse<TrainingProgramView> list(
            @QueryParam("methodCode") @Parameter(description = "only programmes of this learning method", example = "KL01") String methodCode,
            @QueryParam("leadershipLevel") @Parameter(description = "only programmes of this leadership level",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"PKP", "PKA", "PKN_II", "PKN_I"})) String leadershipLevel,
            @QueryParam("q") @Parameter(description = "words of the title (case-insensitive)", example = "kepemimpinan") String q,
            @QueryParam("includeInactive") @Parameter(description = "also withdrawn programmes (default false)", schema = @Schema(type = SchemaType.BOOLEAN)) String includeInactive,
            @QueryParam("page") @Parameter(description = "0-based page", schema = @Schema(type = SchemaType.INTEGER, minimum = "0", defaultValue = "0")) String page,
            @QueryParam("size") @Parameter(description = "page size", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500", defaultValue = "50")) String size) {
        PageRequest paging = PageRequest.parse(page, size);
        String level = blankToNull(leadershipLevel);
        if (level != null && !TrainingRecordRules.LEADERSHIP_LEVELS.contains(level)) {
            throw ApiException.badRequest("leadershipLevel", "must be PKP, PKA, PKN_II or PKN_I");
        }
        String words = blankToNull(q);
        if (words != null && words.length() > 200) {
            throw ApiException.badRequest("q", "must be at most 200 characters");
        }
        return programs.list(new TrainingPrograms.Filter(blankToNull(methodCode), level, words,
                BooleanParam.parse("includeInactive", includeInactive)), paging);
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER, Roles.UNIT_HEAD, Roles.ASSESSOR, Roles.EMPLOYEE, Roles.INTEGRATOR})
    @Operation(operationId = "getTrainingProgram", summary = "Read one programme of the catalogue",
            description = "Active or withdrawn; the ETag carries its version for a later If-Match.")
    @APIResponse(responseCode = "200", description = "The programme; ETag carries the version", headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TrainingProgramView.class),
                    examples = @ExampleObject(name = "programme", value = VIEW)))
    @APIResponse(responseCode = "404", description = "No such programme", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "not found", value = NOT_FOUND)))
    public Response get(@PathParam("code") @Parameter(example = "PKP-2026-SORONG") String code) {
        TrainingProgramView p = programs.get(code);
        return Response.ok(p).tag(etag(p)).build();
    }

    @PUT
    @Path("/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER})
    @Operation(operationId = "replaceTrainingProgram", summary = "Replace a programme of the catalogue",
            description = "The same rules as creating; code in the body, when given, must equal the path. If-Match, when sent, must be the "
                    + "current version (412 otherwise). Records already made from it keep what they were made with. ADMIN and HR_OFFICER; audited.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TrainingProgramRequest.class),
            examples = @ExampleObject(name = "more JP", value = REQUEST)))
    @APIResponse(responseCode = "200", description = "The programme after the change; the ETag carries its version",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TrainingProgramView.class),
                    examples = @ExampleObject(name = "replaced", value = VIEW)))
    @APIResponse(responseCode = "400", description = "Invalid input, every wrong field named", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "invalid", value = INVALID)))
    @APIResponse(responseCode = "404", description = "No such programme", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "not found", value = NOT_FOUND)))
    @APIResponse(responseCode = "412", description = "Stale If-Match", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "stale", value = STALE)))
    public Response replace(@PathParam("code") @Parameter(example = "PKP-2026-SORONG") String code,
            @HeaderParam(IfMatch.HEADER) @Parameter(description = "the ETag read, e.g. \"0\"", example = "\"0\"") String ifMatch,
            TrainingProgramRequest request) {
        if (request == null) {
            throw ApiException.badRequest("body", "is required: {title, methodCode, organizer, jp, competencyCodes[]}");
        }
        TrainingProgramView p = programs.replace(code, IfMatch.parse(ifMatch), request);
        return Response.ok(p).tag(etag(p)).build();
    }

    @DELETE
    @Path("/{code}")
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER})
    @Operation(operationId = "deactivateTrainingProgram", summary = "Withdraw a programme from the catalogue",
            description = "Sets active = false: it leaves the default list, stays readable by code, and records keep referring to it. "
                    + "Withdrawing one already withdrawn is a 204 too. If-Match, when sent, must be the current version. ADMIN and HR_OFFICER; audited.")
    @APIResponse(responseCode = "204", description = "Withdrawn")
    @APIResponse(responseCode = "404", description = "No such programme", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "not found", value = NOT_FOUND)))
    @APIResponse(responseCode = "412", description = "Stale If-Match", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "stale", value = STALE)))
    public Response deactivate(@PathParam("code") @Parameter(example = "PKP-2026-SORONG") String code,
            @HeaderParam(IfMatch.HEADER) @Parameter(description = "the ETag read, e.g. \"0\"", example = "\"0\"") String ifMatch) {
        programs.deactivate(code, IfMatch.parse(ifMatch));
        return Response.noContent().build();
    }

    private static EntityTag etag(TrainingProgramView p) {
        return new EntityTag(Long.toString(p.version()));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    static final String REQUEST = """
            {"code":"PKP-2026-SORONG","title":"Pelatihan Kepemimpinan Pengawas Angkatan I","methodCode":"KL01",
             "organizer":"BPSDM Provinsi Papua Barat Daya","jp":830,"competencyCodes":["M.4","M.8"],"leadershipLevel":"PKP"}""";
    static final String REQUEST_TEKNIS = """
            {"code":"BIMTEK-OSS-2026","title":"Bimbingan Teknis Perizinan Berusaha OSS RBA","methodCode":"KL10",
             "organizer":"DPMPTSP Kota Sorong","jp":24,"competencyCodes":["M.5"]}""";
    static final String VIEW = """
            {"code":"PKP-2026-SORONG","title":"Pelatihan Kepemimpinan Pengawas Angkatan I","methodCode":"KL01",
             "organizer":"BPSDM Provinsi Papua Barat Daya","jp":830,"competencyCodes":["M.4","M.8"],"leadershipLevel":"PKP",
             "active":true,"version":0,"createdAt":"2026-02-03T08:15:00Z","updatedAt":"2026-02-03T08:15:00Z"}""";
    static final String PAGE = """
            {"items":[""" + VIEW + """
            ],"page":0,"size":50,"total":1}""";
    static final String INVALID = """
            {"type":"urn:asn:problem:validation","title":"Invalid request","status":400,
             "detail":"jp: must be greater than 0; leadershipLevel: only a leadership-training method (countsAsLeadership, e.g. KL01) carries a leadership level; KL03 does not",
             "instance":"/api/v1/training-programs","errors":[{"field":"jp","message":"must be greater than 0"},
             {"field":"leadershipLevel","message":"only a leadership-training method (countsAsLeadership, e.g. KL01) carries a leadership level; KL03 does not"}]}""";
    static final String EXISTS = """
            {"type":"urn:asn:problem:conflict","title":"Conflict","status":409,"detail":"training programme PKP-2026-SORONG exists already",
             "instance":"/api/v1/training-programs"}""";
    static final String NOT_FOUND = """
            {"type":"urn:asn:problem:not-found","title":"Not found","status":404,"detail":"training programme XX does not exist",
             "instance":"/api/v1/training-programs/XX"}""";
    static final String STALE = """
            {"type":"urn:asn:problem:stale-version","title":"Precondition failed","status":412,
             "detail":"training programme PKP-2026-SORONG is at version 1, not 0; read it again","instance":"/api/v1/training-programs/PKP-2026-SORONG"}""";
    static final String BAD_LEVEL = """
            {"type":"urn:asn:problem:validation","title":"Invalid request","status":400,"detail":"leadershipLevel: must be PKP, PKA, PKN_II or PKN_I",
             "instance":"/api/v1/training-programs","errors":[{"field":"leadershipLevel","message":"must be PKP, PKA, PKN_II or PKN_I"}]}""";
}
