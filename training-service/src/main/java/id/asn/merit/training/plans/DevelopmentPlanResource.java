package id.asn.merit.training.plans;

import id.asn.merit.platform.problem.ApiException;
import id.asn.merit.platform.problem.Problem;
import id.asn.merit.platform.security.Roles;
import id.asn.merit.platform.web.Idempotency;
import id.asn.merit.platform.web.IfMatch;
import id.asn.merit.platform.web.PageRequest;
import id.asn.merit.platform.web.PageResponse;
import id.asn.merit.platform.web.QueryParams;
import id.asn.merit.training.plans.PlanApi.GenerationView;
import id.asn.merit.training.plans.PlanApi.ItemRequest;
import id.asn.merit.training.plans.PlanApi.ItemView;
import id.asn.merit.training.plans.PlanApi.PlanRequest;
import id.asn.merit.training.plans.PlanApi.PlanView;
import id.asn.merit.training.plans.PlanApi.Realisation;
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

import static id.asn.merit.training.plans.PlanExamples.*;

/**
 * Development plans (PP 11/2017 art. 205-207). ADMIN and HR_OFFICER write; they, INTEGRATOR and a UNIT_HEAD (plans of
 * units in their subtree) read. The logic is in {@link DevelopmentPlans}.
 */
@Path("/api/v1/development-plans")
@Tag(name = "Development plans", description = "The unit's annual competency development plan: items, approval, revisions, items from the gaps, realisation")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
public class DevelopmentPlanResource {
    static final String GENERATE_INTERNAL = "/{id}/items-generate";
    private static final String READERS_NOTE = " Readable by ADMIN, HR_OFFICER, INTEGRATOR, and by a UNIT_HEAD for plans of units in their subtree (others 404).";

    @Inject
    DevelopmentPlans plans;
    @Inject
    Idempotency idempotency;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER})
    @Operation(operationId = "createDevelopmentPlan", summary = "Create a development plan (DRAFT, revision 1)",
            description = "A unit's plan for a year, optionally with items {competencyCode, methodCode, targetNips[] | targetPositionCodes[], plannedJp, "
                    + "budget (rupiah), schedule {from, to}}. Each item names one kind of target, plannedJp > 0, budget a whole number ≥ 0, "
                    + "schedule.to ≥ schedule.from and inside or overlapping the plan year; errors name the item (items[2].schedule.to). "
                    + "Unknown unit, competency or method: 422. Idempotency-Key honoured.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanRequest.class),
            examples = @ExampleObject(name = "plan with two items", value = PLAN_REQUEST)))
    @APIResponse(responseCode = "201", description = "Created; Location set, ETag the version",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanView.class),
                    examples = @ExampleObject(name = "created", value = PLAN)))
    @APIResponse(responseCode = "400", description = "Invalid input, every wrong field named", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "invalid", value = INVALID)))
    @APIResponse(responseCode = "422", description = "Unknown unit, competency or method, named", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "unknown unit", value = UNKNOWN)))
    public Response create(PlanRequest request, @Context UriInfo uri,
            @HeaderParam(Idempotency.HEADER) @Parameter(description = "retry-safe create: the same key and body replay the first response") String idempotencyKey) {
        if (request == null) {
            throw ApiException.badRequest("body", "is required");
        }
        plans.validate(request);
        return idempotency.run(idempotencyKey, "/api/v1/development-plans", request, () -> {
            PlanView created = plans.create(request);
            return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                    .tag(etag(created.version())).entity(created).build();
        });
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER, Roles.UNIT_HEAD, Roles.INTEGRATOR})
    @Operation(operationId = "listDevelopmentPlans", summary = "List development plans, paged",
            description = "Plans by year (newest first), unit code, revision; filter by year, unit (the plan's own unit code) and status." + READERS_NOTE
                    + " Each with its totals, without its items.")
    @APIResponse(responseCode = "200", description = "A page {items, page, size, total}", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "page", value = PAGE)))
    @APIResponse(responseCode = "400", description = "A bad parameter, named", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "bad year", value = BAD_PARAM)))
    public PageResponse<PlanView> list(
            @QueryParam("year") @Parameter(description = "plan year", schema = @Schema(type = SchemaType.INTEGER, example = "2026")) String year,
            @QueryParam("orgUnit") @Parameter(description = "the plan's unit code", example = "DINKES") String orgUnit,
            @QueryParam("status") @Parameter(description = "status", schema = @Schema(type = SchemaType.STRING,
                    enumeration = {"DRAFT", "APPROVED", "SUPERSEDED"})) String status,
            @QueryParam("page") @Parameter(description = "0-based page", schema = @Schema(type = SchemaType.INTEGER, minimum = "0", defaultValue = "0")) String page,
            @QueryParam("size") @Parameter(description = "page size", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500", defaultValue = "50")) String size) {
        PageRequest paging = PageRequest.parse(page, size);
        return plans.list(QueryParams.integer("year", year), orgUnit,
                QueryParams.enumValue(DevelopmentPlan.Status.class, "status", status), paging);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER, Roles.UNIT_HEAD, Roles.INTEGRATOR})
    @Operation(operationId = "getDevelopmentPlan", summary = "One development plan with its items",
            description = "The plan with its items in order and its totals; the ETag carries its version (for If-Match on changes)." + READERS_NOTE)
    @APIResponse(responseCode = "200", description = "The plan; ETag the version", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PlanView.class), examples = @ExampleObject(name = "plan", value = PLAN)))
    @APIResponse(responseCode = "404", description = "No such plan, or one the caller may not see", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "not found", value = NOT_FOUND)))
    public Response get(@PathParam("id") @Parameter(example = "0f4c2a9e-7d7b-4a53-8b8e-2d3f1a6b9c10") String id) {
        PlanView plan = plans.get(id);
        return Response.ok(plan).tag(etag(plan.version())).build();
    }

    @POST
    @Path("/{id}/items")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER})
    @Operation(operationId = "addDevelopmentPlanItem", summary = "Add an item to a DRAFT plan",
            description = "One item, checked as in createDevelopmentPlan (fields named without an index). An approved plan is read-only (409). "
                    + "If-Match (the plan's ETag) honoured; the answer's ETag is the plan's new version. Idempotency-Key honoured.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ItemRequest.class),
            examples = @ExampleObject(name = "item", value = ITEM_REQUEST)))
    @APIResponse(responseCode = "201", description = "Added; Location set", headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ItemView.class),
                    examples = @ExampleObject(name = "item", value = ITEM)))
    @APIResponse(responseCode = "400", description = "Invalid input, named", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "invalid", value = INVALID)))
    @APIResponse(responseCode = "404", description = "No such plan", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "not found", value = NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "The plan is approved (read-only)", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "read-only", value = READ_ONLY)))
    @APIResponse(responseCode = "412", description = "If-Match names another version", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "stale", value = STALE)))
    @APIResponse(responseCode = "422", description = "Unknown competency or method, named", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "unknown", value = UNKNOWN)))
    public Response addItem(@PathParam("id") String id, ItemRequest request, @Context UriInfo uri,
            @HeaderParam(IfMatch.HEADER) @Parameter(description = "the plan's ETag") String ifMatch,
            @HeaderParam(Idempotency.HEADER) @Parameter(description = "retry-safe create: the same key and body replay the first response") String idempotencyKey) {
        if (request == null) {
            throw ApiException.badRequest("body", "is required");
        }
        Long expected = IfMatch.parse(ifMatch);
        return idempotency.run(idempotencyKey, "/api/v1/development-plans/" + id + "/items", request, () -> {
            DevelopmentPlans.ItemChange added = plans.addItem(id, request, expected);
            return Response.created(uri.getAbsolutePathBuilder().path(added.item().id().toString()).build())
                    .tag(etag(added.planVersion())).entity(added.item()).build();
        });
    }

    @PUT
    @Path("/{id}/items/{itemId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER})
    @Operation(operationId = "updateDevelopmentPlanItem", summary = "Replace an item of a DRAFT plan",
            description = "The item as sent, checked as in createDevelopmentPlan; a generated item becomes the planner's (generated false). "
                    + "Approved plans are read-only (409). If-Match (the plan's ETag) honoured; the answer's ETag is the plan's new version.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ItemRequest.class),
            examples = @ExampleObject(name = "item", value = ITEM_REQUEST)))
    @APIResponse(responseCode = "200", description = "The item as now stored", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ItemView.class), examples = @ExampleObject(name = "item", value = ITEM)))
    @APIResponse(responseCode = "400", description = "Invalid input, named", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "invalid", value = INVALID)))
    @APIResponse(responseCode = "404", description = "No such plan or item", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "not found", value = NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "The plan is approved (read-only)", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "read-only", value = READ_ONLY)))
    @APIResponse(responseCode = "412", description = "If-Match names another version", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "stale", value = STALE)))
    @APIResponse(responseCode = "422", description = "Unknown competency or method, named", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "unknown", value = UNKNOWN)))
    public Response updateItem(@PathParam("id") String id, @PathParam("itemId") String itemId, ItemRequest request,
            @HeaderParam(IfMatch.HEADER) @Parameter(description = "the plan's ETag") String ifMatch) {
        if (request == null) {
            throw ApiException.badRequest("body", "is required");
        }
        DevelopmentPlans.ItemChange changed = plans.updateItem(id, itemId, request, IfMatch.parse(ifMatch));
        return Response.ok(changed.item()).tag(etag(changed.planVersion())).build();
    }

    @DELETE
    @Path("/{id}/items/{itemId}")
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER})
    @Operation(operationId = "deleteDevelopmentPlanItem", summary = "Remove an item from a DRAFT plan",
            description = "Approved plans are read-only (409). If-Match (the plan's ETag) honoured; the answer's ETag is the plan's new version.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such plan or item", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "not found", value = NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "The plan is approved (read-only)", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "read-only", value = READ_ONLY)))
    @APIResponse(responseCode = "412", description = "If-Match names another version", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "stale", value = STALE)))
    public Response deleteItem(@PathParam("id") String id, @PathParam("itemId") String itemId,
            @HeaderParam(IfMatch.HEADER) @Parameter(description = "the plan's ETag") String ifMatch) {
        long version = plans.deleteItem(id, itemId, IfMatch.parse(ifMatch));
        return Response.noContent().tag(etag(version)).build();
    }

    @POST
    @Path("/{id}/approval")
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER})
    @Operation(operationId = "approveDevelopmentPlan", summary = "Approve a DRAFT plan",
            description = "DRAFT → APPROVED with approvedBy and approvedAt; from then on the plan is read-only (changes are a revision). Approving a "
                    + "revision marks the plan it revises SUPERSEDED. If-Match (the plan's ETag) honoured: a stale one is 412.")
    @APIResponse(responseCode = "200", description = "The approved plan; ETag the new version", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PlanView.class), examples = @ExampleObject(name = "approved", value = APPROVED)))
    @APIResponse(responseCode = "404", description = "No such plan", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "not found", value = NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "Not a DRAFT", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "read-only", value = READ_ONLY)))
    @APIResponse(responseCode = "412", description = "If-Match names another version", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "stale", value = STALE)))
    public Response approve(@PathParam("id") String id,
            @HeaderParam(IfMatch.HEADER) @Parameter(description = "the plan's ETag") String ifMatch) {
        PlanView plan = plans.approve(id, IfMatch.parse(ifMatch));
        return Response.ok(plan).tag(etag(plan.version())).build();
    }

    @POST
    @Path("/{id}/revisions")
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER})
    @Operation(operationId = "reviseDevelopmentPlan", summary = "Start a revision of an approved plan",
            description = "A new DRAFT plan with the approved plan's items, revision n+1 and revisionOf the old plan, which stays APPROVED and "
                    + "readable until the revision is approved (then SUPERSEDED). One revision per plan; a DRAFT is changed directly (409). "
                    + "Idempotency-Key honoured.")
    @APIResponse(responseCode = "201", description = "The new DRAFT; Location set", headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanView.class),
                    examples = @ExampleObject(name = "revision", value = PLAN)))
    @APIResponse(responseCode = "404", description = "No such plan", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "not found", value = NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "A DRAFT, or already revised", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "read-only", value = READ_ONLY)))
    public Response revise(@PathParam("id") String id, @Context UriInfo uri,
            @HeaderParam(Idempotency.HEADER) @Parameter(description = "retry-safe create: the same key replays the first response") String idempotencyKey) {
        return idempotency.run(idempotencyKey, "/api/v1/development-plans/" + id + "/revisions", id, () -> {
            PlanView created = plans.revise(id);
            return Response.created(uri.getBaseUriBuilder().path("api/v1/development-plans").path(created.id().toString()).build())
                    .tag(etag(created.version())).entity(created).build();
        });
    }

    @POST
    @Path(GENERATE_INTERNAL)
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER})
    @Operation(operationId = "generateDevelopmentPlanItems", summary = "Propose items from the competency gaps",
            description = "For the active people of the plan unit's subtree who are below standard (gap < 0, or not assessed), one item per "
                    + "competency and suggested pathway (KLASIKAL when the shortfall is at least the configured levels, as competency-service's "
                    + "development needs; else NONKLASIKAL) with the people as targetNips (sorted), a default method (KLASIKAL: KL02 for M.*, "
                    + "KL05 for SK.*, else KL03; NONKLASIKAL: NKL01), the default JP (20 / 10), budget 0 and the plan year as schedule; each "
                    + "stored with generated true and its reason. Generating again replaces the earlier generated items (the planner's stay). "
                    + "DRAFT only; If-Match honoured.")
    @APIResponse(responseCode = "200", description = "The generated items; ETag the plan's new version", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = GenerationView.class), examples = @ExampleObject(name = "generated", value = GENERATED)))
    @APIResponse(responseCode = "404", description = "No such plan", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "not found", value = NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "The plan is approved (read-only)", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "read-only", value = READ_ONLY)))
    @APIResponse(responseCode = "412", description = "If-Match names another version", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "stale", value = STALE)))
    public Response generate(@PathParam("id") String id,
            @HeaderParam(IfMatch.HEADER) @Parameter(description = "the plan's ETag") String ifMatch) {
        GenerationView generated = plans.generate(id, IfMatch.parse(ifMatch));
        return Response.ok(generated).tag(etag(generated.version())).build();
    }

    @GET
    @Path("/{id}/realisation")
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER, Roles.UNIT_HEAD, Roles.INTEGRATOR})
    @Operation(operationId = "getDevelopmentPlanRealisation", summary = "Planned against realised, per item and in total",
            description = "VERIFIED training records realise an item when they carry its competency, belong to one of its targets (targetNips, or "
                    + "the active holders of targetPositionCodes) and lie inside its schedule (startDate ≥ from, endDate ≤ to). Per item: realisedJp "
                    + "(the records' recognised JP, after their method's caps), spent (their cost), people targeted and reached, who was not reached "
                    + "and the records. A record realising two items counts for each item; the totals count each record and person once." + READERS_NOTE)
    @APIResponse(responseCode = "200", description = "The realisation", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Realisation.class), examples = @ExampleObject(name = "realisation", value = REALISATION)))
    @APIResponse(responseCode = "404", description = "No such plan, or one the caller may not see", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "not found", value = NOT_FOUND)))
    public Realisation realisation(@PathParam("id") String id) {
        return plans.realisation(id);
    }

    private static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }
}
