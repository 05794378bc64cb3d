package id.asn.merit.competency.rest;

import id.asn.merit.platform.web.CustomMethodRoute;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * The contract's {@code POST /api/v1/competency-gaps:batch} (a custom method, SYSTEM.md §3), routed to
 * {@link GapBatchResource#INTERNAL_PATH} by platform's {@link CustomMethodRoute}, and named as the contract names it
 * in the OpenAPI document.
 */
@ApplicationScoped
public class BatchPath {
    static final CustomMethodRoute ROUTE = new CustomMethodRoute(GapBatchResource.PATH, GapBatchResource.INTERNAL_PATH);

    void route(@Observes Router router) {
        ROUTE.install(router);
    }

    @OpenApiFilter(OpenApiFilter.RunStage.BUILD)
    public static class Document implements OASFilter {
        @Override
        public void filterOpenAPI(OpenAPI openAPI) {
            CustomMethodRoute.rename(openAPI, GapBatchResource.INTERNAL_PATH, GapBatchResource.PATH);
        }
    }
}
