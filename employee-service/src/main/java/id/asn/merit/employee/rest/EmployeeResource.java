package id.asn.merit.employee.rest;

import id.asn.merit.employee.domain.Employee;
import id.asn.merit.employee.domain.EmployeeStatus;
import id.asn.merit.employee.domain.EmploymentType;
import id.asn.merit.employee.domain.PositionType;
import id.asn.merit.employee.mapping.EmployeeListRow;
import id.asn.merit.employee.mapping.EmployeePatch;
import id.asn.merit.employee.mapping.EmployeeRequest;
import id.asn.merit.employee.mapping.EmployeeSummary;
import id.asn.merit.employee.mapping.EmployeeView;
import id.asn.merit.employee.repository.EmployeeRepository;
import id.asn.merit.employee.service.EmployeeAccess;
import id.asn.merit.employee.service.EmployeeService;
import id.asn.merit.employee.service.OrgUnitService;
import id.asn.merit.platform.problem.Problem;
import id.asn.merit.platform.web.Idempotency;
import id.asn.merit.platform.web.IfMatch;
import id.asn.merit.platform.security.Roles;
import id.asn.merit.platform.web.PageRequest;
import id.asn.merit.platform.web.QueryParams;
import id.asn.merit.platform.web.PageResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/employees")
@Tag(name = "Employees", description = "ASN records: PNS, CPNS and PPPK")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EmployeeResource {
    private static final String INVALID_NIP = "{\"type\":\"urn:asn:problem:validation\",\"title\":\"Invalid request\",\"status\":400,"
            + "\"detail\":\"nip: gender digit 1 (digit 15) does not match gender F\","
            + "\"errors\":[{\"field\":\"nip\",\"message\":\"gender digit 1 (digit 15) does not match gender F\"}]}";

    private static final String INTEGRATOR_FILTER = "{\"type\":\"urn:asn:problem:forbidden\",\"title\":\"Forbidden\",\"status\":403,"
            + "\"detail\":\"status: is not a filter an INTEGRATOR may use (status is not in the summary)\","
            + "\"errors\":[{\"field\":\"status\",\"message\":\"is not a filter an INTEGRATOR may use (status is not in the summary)\"}]}";

    @Inject
    Idempotency idempotency;
    @Inject
    EmployeeService service;
    @Inject
    OrgUnitService orgUnits;
    @Inject
    EmployeeAccess access;

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER})
    @Operation(operationId = "registerEmployee", summary = "Register an employee",
            description = "Validates the NIP segment by segment against birthDate, gender and employmentType, and the rank against the employment type. Emits asn.employee.registered.v1.")
    @APIResponse(responseCode = "201", description = "Registered", content = @Content(schema = @Schema(implementation = EmployeeView.class)))
    @APIResponse(responseCode = "400", description = "Invalid input, each wrong field and NIP segment named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "gender digit", value = INVALID_NIP)))
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Role not allowed")
    @APIResponse(responseCode = "409", description = "The NIP is registered already")
    @APIResponse(responseCode = "422", description = "positionCode unknown, closed or of another unit than orgUnitCode",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response register(@NotNull @Valid EmployeeRequest request, @Context UriInfo uri,
            @HeaderParam(Idempotency.HEADER) @Parameter(description = "retry-safe create: the same key and body replay the first response") String idempotencyKey) {
        return idempotency.run(idempotencyKey, "/api/v1/employees", request, () -> {
            EmployeeView created = service.register(request);
            return Response.created(uri.getAbsolutePathBuilder().path(created.nip()).build())
                    .tag(new EntityTag(Long.toString(created.version()))).entity(created).build();
        });
    }

    @GET
    @Path("/{nip}")
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER, Roles.UNIT_HEAD, Roles.ASSESSOR, Roles.EMPLOYEE, Roles.INTEGRATOR})
    @Operation(operationId = "getEmployee", summary = "Read one employee",
            description = "A UNIT_HEAD reads their subtree only, an EMPLOYEE only themself; an INTEGRATOR gets the summary (NIP, name, unit, position).")
    @APIResponse(responseCode = "200", description = "The employee; ETag carries the version",
            content = @Content(schema = @Schema(oneOf = {EmployeeView.class, EmployeeSummary.class})))
    @APIResponse(responseCode = "404", description = "No such NIP, or one you may not see (answered alike)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("nip") String nip) {
        Employee e = service.require(nip);
        access.checkCanRead(e);
        Object body = access.summaryOnly() ? EmployeeSummary.of(e) : EmployeeView.of(e);
        return Response.ok(body).tag(new EntityTag(Long.toString(e.version))).build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER, Roles.UNIT_HEAD, Roles.ASSESSOR, Roles.INTEGRATOR})
    @Operation(operationId = "searchEmployees", summary = "Search employees, paged and sorted by name then NIP",
            description = "q: a name part, or digits for a NIP prefix. positionType: JPT_UTAMA … FUNGSIONAL. orgUnit with subtree=true takes the whole subtree. A UNIT_HEAD is limited to their own subtree. "
                    + "An INTEGRATOR gets summaries and may not filter by employmentType or status (403 naming the filter). "
                    + "total is the exact number of matches, counted once per filter and reused for the following pages while no "
                    + "employee, unit or position has been written since (whoever wrote it), and for 5 s at most "
                    + "(asn.employee.list.count-reuse-seconds); for a filter of at most 20 000 matches the order of the matches is "
                    + "kept with it (asn.employee.list.kept-matches). Only a write whose transaction was still open when the count was "
                    + "taken can leave total (and which people a page holds) that far behind; the people on a page are always read as they are now.")
    @APIResponse(responseCode = "200", description = "A page {items, page, size, total}; total as described above")
    @APIResponse(responseCode = "400", description = "Bad paging or filter", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Outside your unit, or a filter your role may not use", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "integrator filter", value = INTEGRATOR_FILTER)))
    public PageResponse<?> search(@QueryParam("orgUnit") String orgUnit,
            @QueryParam("subtree") @Parameter(description = "include the units below orgUnit") boolean subtree,
            @QueryParam("q") String q,
            @QueryParam("employmentType") @Parameter(schema = @Schema(implementation = EmploymentType.class)) String employmentTypeParam,
            @QueryParam("status") @Parameter(schema = @Schema(implementation = EmployeeStatus.class)) String statusParam,
            @QueryParam("positionType") @Parameter(description = "the type of the employee's current position",
                    schema = @Schema(implementation = PositionType.class)) String positionTypeParam,
            @QueryParam("page") @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0")) String page,
            @QueryParam("size") @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "50", maximum = "500")) String size) {
        PageRequest paging = PageRequest.parse(page, size);
        EmploymentType employmentType = QueryParams.enumValue(EmploymentType.class, "employmentType", employmentTypeParam);
        EmployeeStatus status = QueryParams.enumValue(EmployeeStatus.class, "status", statusParam);
        PositionType positionType = QueryParams.enumValue(PositionType.class, "positionType", positionTypeParam);
        access.checkListFilters(employmentType, status);
        String scope = access.listScope(orgUnit);
        boolean restricted = scope != null && !scope.equals(orgUnit);
        String path = null;
        if (scope != null && (subtree || restricted)) {
            path = String.join("/", orgUnits.require(scope).pathCodes());
        } else if (scope != null) {
            orgUnits.require(scope);
        }
        PageResponse<EmployeeListRow> found = service.search(new EmployeeRepository.Filter(scope, path, q, employmentType, status, positionType), paging);
        return access.summaryOnly() ? found.map(EmployeeListRow::toSummary) : found.map(EmployeeListRow::toView);
    }

    @PATCH
    @Path("/{nip}")
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER})
    @Operation(operationId = "updateEmployee", summary = "Change some fields of an employee",
            description = "Send If-Match with the ETag you read; a stale one gets 412. rank, positionCode and education are recorded as history entries dated today; employmentType changes from CPNS to PNS only. Emits asn.employee.updated.v1 (or retired.v1 when status becomes RETIRED).")
    @APIResponse(responseCode = "200", description = "Updated", content = @Content(schema = @Schema(implementation = EmployeeView.class)))
    @APIResponse(responseCode = "400", description = "Invalid input", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such NIP")
    @APIResponse(responseCode = "412", description = "If-Match is stale", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "positionCode unknown or of another unit; gender, birthDate or employmentType other than CPNS to PNS changed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response patch(@PathParam("nip") String nip, @HeaderParam("If-Match") String ifMatch, @NotNull @Valid EmployeePatch patch) {
        EmployeeView updated = service.patch(nip, IfMatch.parse(ifMatch), patch);
        return Response.ok(updated).tag(new EntityTag(Long.toString(updated.version()))).build();
    }

}
