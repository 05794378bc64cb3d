package id.asn.merit.training.plans;

import id.asn.merit.platform.web.CustomMethodRoute;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * The contract's {@code POST /api/v1/development-plans/{id}/items:generate} (a custom method, as competency-service's
 * {@code :batch}), routed to {@link DevelopmentPlanResource#GENERATE_INTERNAL} by platform's {@link CustomMethodRoute},
 * and named as the contract names it in the OpenAPI document.
 */
@ApplicationScoped
public class GeneratePath {
    public static final String PATH = "/api/v1/development-plans/{id}/items:generate";
    static final String INTERNAL = "/api/v1/development-plans" + DevelopmentPlanResource.GENERATE_INTERNAL;
    static final CustomMethodRoute ROUTE = new CustomMethodRoute(PATH, INTERNAL);

    void route(@Observes Router router) {
        ROUTE.install(router);
    }

    @OpenApiFilter(OpenApiFilter.RunStage.BUILD)
    public static class Document implements OASFilter {
        @Override
        public void filterOpenAPI(OpenAPI openAPI) {
            CustomMethodRoute.rename(openAPI, INTERNAL, PATH);
        }
    }
}
