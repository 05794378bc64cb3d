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
import jakarta.ws.rs.GET;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/v1/learning-methods")
@Tag(name = "Learning methods", description = "Jalur pengembangan kompetensi (Perlan 10/2018) and their JP rules")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
public class LearningMethodResource {

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
            {"items":[{"code":"KL01","pathway":"KLASIKAL","name":"Pelatihan Struktural Kepemimpinan","version":0}],
             "page":0,"size":1,"total":25}""";

    @GET
    @Path("/{code}")
    @RolesAllowed({Roles.ADMIN, Roles.HR_OFFICER, Roles.UNIT_HEAD, Roles.ASSESSOR, Roles.EMPLOYEE, Roles.INTEGRATOR})
    @Operation(operationId = "getLearningMethod", summary = "Read one learning method with its JP rule",
            description = "One learning method with its caps per record, per day and per year (null = as stated by the training itself); the ETag carries its version.")
    @APIResponse(responseCode = "200", description = "The method; ETag carries the version", content = @Content(schema = @Schema(implementation = LearningMethodView.class)))
    @APIResponse(responseCode = "404", description = "No such method", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("code") String code) {
        LearningMethod method = LearningMethod.findById(code);
        if (method == null) {
            throw ApiException.notFound("learning method", code);
        }
        return Response.ok(LearningMethodView.of(method)).tag(new EntityTag(Long.toString(method.version))).build();
    }
}
