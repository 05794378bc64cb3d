package id.asn.merit.merit.profiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.asn.merit.merit.service.MeritClock;
import id.asn.merit.merit.service.MeritProfiles;
import id.asn.merit.platform.problem.ApiException;
import id.asn.merit.platform.problem.Problem;
import id.asn.merit.platform.security.Caller;
import id.asn.merit.platform.security.PersonAccess;
import id.asn.merit.platform.security.Roles;
import id.asn.merit.platform.web.Idempotency;
import id.asn.merit.platform.web.PageRequest;
import id.asn.merit.platform.web.PageResponse;
import id.asn.merit.platform.web.QueryParams;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
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

import java.util.List;

import static id.asn.merit.merit.profiles.MeritProfileExamples.*;

/**
 * Merit profiles (SYSTEM.md §3): one person's profile of a year with its reasons and inputs, its history with the
 * cause of each revision, lists in a scope (JSON or CSV), and the potential tests that feed it. Who sees whom is
 * {@link PersonAccess}'s; an INTEGRATOR gets boxes without personal fields.
 */
@Path(MeritProfileResource.PATH)
@Authenticated
@Tag(name = "Merit profiles", description = "Explainable merit profiles: performance, potential, 9-box, merit score, with reasons, inputs and history")
@SecurityRequirement(name = "jwt")
@APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE,
        schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "unauthenticated", value = UNAUTHENTICATED)))
@APIResponse(responseCode = "403", description = "The token's roles do not allow this", content = @Content(mediaType = Problem.MEDIA_TYPE,
        schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "forbidden", value = FORBIDDEN)))
public class MeritProfileResource {
    static final String PATH = "/api/v1/merit-profiles";
    static final String CSV = "text/csv";
    private static final List<String> REDUCED_FIELDS = List.of("nip", "name", "year", "orgUnitCode", "positionCode", "box",
            "policyVersion", "computedAt");

    @Inject
    MeritProfileQueries queries;
    @Inject
    MeritProfiles profiles;
    @Inject
    MeritPotentialTests tests;
    @Inject
    PersonAccess access;
    @Inject
    Caller caller;
    @Inject
    MeritClock clock;
    @Inject
    Idempotency idempotency;

    @GET
    @Path("/{nip}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER, Roles.UNIT_HEAD, Roles.EMPLOYEE, Roles.INTEGRATOR})
    @Operation(operationId = "getMeritProfile", summary = "A person's merit profile of a year, with its reasons and inputs",
            description = "The stored profile (the newest revision) of the year (default the current one, Asia/Jakarta). A person known and "
                    + "ACTIVE without a stored profile for the year gets one computed now under the policy in force (revision 0, not stored). "
                    + "ADMIN and HR_OFFICER anyone, a UNIT_HEAD their subtree, an EMPLOYEE themself (anyone else is a 404 like an unknown "
                    + "NIP); an INTEGRATOR gets {nip, name, year, orgUnitCode, positionCode, box, policyVersion, computedAt} only.")
    @APIResponse(responseCode = "200", description = "The profile", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MeritProfileView.class),
            examples = {@ExampleObject(name = "profile", value = PROFILE), @ExampleObject(name = "INTEGRATOR", value = REDUCED)}))
    @APIResponse(responseCode = "400", description = "A bad year, named", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "year", value = BAD_YEAR)))
    @APIResponse(responseCode = "404", description = "Unknown person, or one the caller may not see", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "not found", value = NOT_FOUND)))
    public Object get(@PathParam("nip") @Parameter(example = "198503152010011001") String nip,
            @QueryParam("year") @Parameter(description = "the merit year (default the current one)", schema = @Schema(type = SchemaType.INTEGER, example = "2026")) String year) {
        int y = year(year);
        access.checkCanRead(nip, Roles.INTEGRATOR);
        boolean reduced = reducedView();
        JsonNode stored = queries.stored(nip, y);
        if (stored != null) {
            return reduced ? reduce(stored) : stored;
        }
        if (!"ACTIVE".equals(queries.status(nip))) {
            throw PersonAccess.invisible(nip);
        }
        MeritProfileView computed = profiles.preview(nip, y);
        if (computed == null) {
            throw PersonAccess.invisible(nip);
        }
        return reduced ? computed.reduced() : computed;
    }

    @GET
    @Path("/{nip}/history")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER, Roles.UNIT_HEAD, Roles.EMPLOYEE})
    @Operation(operationId = "getMeritProfileHistory", summary = "Every revision of a person's profile of a year, newest first, with its cause",
            description = "Each revision with why it was computed (cause {type EVENT|POLICY|POTENTIAL_TEST|REBUILD, id, eventType}), the policy "
                    + "version it used, box, merit score, computedAt and the profile as it was. A recomputation that changed nothing adds no "
                    + "revision. Same access as the profile; not for INTEGRATOR.")
    @APIResponse(responseCode = "200", description = "A page {items, page, size, total}", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "history", value = HISTORY)))
    @APIResponse(responseCode = "400", description = "A bad year or paging, named", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "year", value = BAD_YEAR)))
    @APIResponse(responseCode = "404", description = "Unknown person, or one the caller may not see", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "not found", value = NOT_FOUND)))
    public PageResponse<MeritProfileQueries.Revision> history(@PathParam("nip") @Parameter(example = "198503152010011001") String nip,
            @QueryParam("year") @Parameter(description = "the merit year (default the current one)", schema = @Schema(type = SchemaType.INTEGER, example = "2026")) String year,
            @QueryParam("page") @Parameter(description = "0-based page", schema = @Schema(type = SchemaType.INTEGER, minimum = "0", defaultValue = "0")) String page,
            @QueryParam("size") @Parameter(description = "page size", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500", defaultValue = "50")) String size) {
        int y = year(year);
        PageRequest paging = PageRequest.parse(page, size);
        access.checkCanRead(nip);
        PageResponse<MeritProfileQueries.Revision> history = queries.history(nip, y, paging);
        if (history.total() == 0 && queries.status(nip) == null) {
            throw PersonAccess.invisible(nip);
        }
        return history;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER, Roles.UNIT_HEAD, Roles.INTEGRATOR})
    @Operation(operationId = "listMeritProfiles", summary = "The stored merit profiles of a year in a scope, by NIP (JSON or CSV)",
            description = "Profiles of ACTIVE people in scope for the year, optionally of one box, ordered by NIP, as {items, page, size, total}; "
                    + "Accept: text/csv streams the whole scope. ADMIN, HR_OFFICER and INTEGRATOR any unit or everyone (INTEGRATOR rows carry "
                    + "no scores, reasons or inputs); a UNIT_HEAD their own subtree (the default). subtree defaults to false.")
    @APIResponse(responseCode = "200", description = "A page, or CSV", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "page", value = PAGE)),
            @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING), examples = @ExampleObject(name = "csv", value = MeritProfileExamples.CSV))})
    @APIResponse(responseCode = "400", description = "A bad parameter, named", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = {@ExampleObject(name = "year", value = BAD_YEAR),
                    @ExampleObject(name = "box", value = BAD_BOX)}))
    @APIResponse(responseCode = "404", description = "No such unit (or outside the caller's subtree)", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "not found", value = NOT_FOUND)))
    public Response list(
            @QueryParam("orgUnit") @Parameter(description = "the unit (default: everyone, or the UNIT_HEAD's subtree)", example = "DINKES") String orgUnit,
            @QueryParam("subtree") @Parameter(description = "include the units below orgUnit (default false)", schema = @Schema(type = SchemaType.BOOLEAN)) String subtree,
            @QueryParam("year") @Parameter(description = "the merit year (default the current one)", schema = @Schema(type = SchemaType.INTEGER, example = "2026")) String year,
            @QueryParam("box") @Parameter(description = "only this box", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "9")) String box,
            @QueryParam("page") @Parameter(description = "0-based page", schema = @Schema(type = SchemaType.INTEGER, minimum = "0", defaultValue = "0")) String page,
            @QueryParam("size") @Parameter(description = "page size", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500", defaultValue = "50")) String size,
            @Context HttpHeaders headers) {
        int y = year(year);
        Integer b = QueryParams.integer("box", box);
        if (b != null && (b < 1 || b > 9)) {
            throw ApiException.badRequest("box", "must be 1..9");
        }
        PageRequest paging = PageRequest.parse(page, size);
        boolean sub = bool("subtree", subtree);
        PersonAccess.Scope scope = access.listScope(orgUnit == null || orgUnit.isBlank() ? null : orgUnit.trim(), sub, Roles.INTEGRATOR);
        boolean reduced = reducedView();
        boolean csv = headers.getAcceptableMediaTypes().stream().findFirst()
                .map(m -> m.getType().equals("text") && m.getSubtype().equals("csv")).orElse(false);
        if (csv) {
            StreamingOutput body = out -> queries.csv(scope, y, b, reduced, out);
            return Response.ok(body, CSV + "; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"merit-profiles-" + y + ".csv\"").build();
        }
        return Response.ok(queries.list(scope, y, b, reduced, paging), MediaType.APPLICATION_JSON).build();
    }

    @POST
    @Path("/{nip}/potential-tests")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER, Roles.ASSESSOR})
    @Operation(operationId = "recordMeritPotentialTest", summary = "Record a potential test; the person's profile is recomputed with it",
            description = "year 2000..next year, score 0..100 (2 decimals), instrument, assessedOn not in the future. The newest test (by "
                    + "assessedOn) of the year or of the policy's validity window before it is the potential-test part of potential. "
                    + "The profile of that year (and the current one) is recomputed in the same transaction. Idempotency-Key honoured; audited. "
                    + "ASSESSOR, HR_OFFICER and ADMIN.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MeritPotentialTestRequest.class),
            examples = @ExampleObject(name = "test", value = TEST_REQUEST)))
    @APIResponse(responseCode = "201", description = "Recorded; Location set", headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MeritPotentialTestView.class),
                    examples = @ExampleObject(name = "recorded", value = TEST)))
    @APIResponse(responseCode = "400", description = "Invalid input, every wrong field named", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "invalid", value = INVALID_TEST)))
    @APIResponse(responseCode = "404", description = "Unknown person", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "not found", value = NOT_FOUND)))
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used with another body", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "idempotency", value = IDEMPOTENCY)))
    public Response recordTest(@PathParam("nip") @Parameter(example = "198503152010011001") String nip, MeritPotentialTestRequest request,
            @Context UriInfo uri,
            @HeaderParam(Idempotency.HEADER) @Parameter(description = "retry-safe create: the same key and body replay the first response") String idempotencyKey) {
        tests.validate(request);
        access.checkCanRead(nip, Roles.ASSESSOR);
        String path = PATH + "/" + nip + "/potential-tests";
        return idempotency.run(idempotencyKey, path, request, () -> {
            MeritPotentialTestView created = tests.record(nip, request);
            return Response.created(uri.getBaseUriBuilder().path(path).path(created.id().toString()).build()).entity(created).build();
        });
    }

    @GET
    @Path("/{nip}/potential-tests")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER, Roles.UNIT_HEAD, Roles.EMPLOYEE})
    @Operation(operationId = "listMeritPotentialTests", summary = "A person's potential tests, newest first",
            description = "Same access as the profile; not for INTEGRATOR.")
    @APIResponse(responseCode = "200", description = "A page {items, page, size, total}", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "tests", value = TEST_PAGE)))
    @APIResponse(responseCode = "400", description = "Bad paging, named", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "year", value = BAD_YEAR)))
    @APIResponse(responseCode = "404", description = "Unknown person, or one the caller may not see", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "not found", value = NOT_FOUND)))
    public PageResponse<MeritPotentialTestView> listTests(@PathParam("nip") @Parameter(example = "198503152010011001") String nip,
            @QueryParam("page") @Parameter(description = "0-based page", schema = @Schema(type = SchemaType.INTEGER, minimum = "0", defaultValue = "0")) String page,
            @QueryParam("size") @Parameter(description = "page size", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500", defaultValue = "50")) String size) {
        PageRequest paging = PageRequest.parse(page, size);
        access.checkCanRead(nip);
        PageResponse<MeritPotentialTestView> list = tests.list(nip, paging);
        if (list.total() == 0 && queries.status(nip) == null) {
            throw PersonAccess.invisible(nip);
        }
        return list;
    }

    /** An INTEGRATOR who is not also ADMIN or HR_OFFICER reads boxes without personal fields. */
    private boolean reducedView() {
        return caller.hasRole(Roles.INTEGRATOR) && !caller.hasAnyRole(Roles.ADMIN, Roles.HR_OFFICER);
    }

    private static JsonNode reduce(JsonNode body) {
        ObjectNode reduced = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        REDUCED_FIELDS.forEach(f -> reduced.set(f, body.get(f)));
        return reduced;
    }

    private int year(String year) {
        Integer y = QueryParams.integer("year", year);
        int current = clock.currentYear();
        if (y == null) {
            return current;
        }
        if (y < 2000 || y > current + 1) {
            throw ApiException.badRequest("year", "must be between 2000 and " + (current + 1));
        }
        return y;
    }

    private static boolean bool(String name, String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.trim().toLowerCase()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiException.badRequest(name, "must be true or false");
        };
    }
}
