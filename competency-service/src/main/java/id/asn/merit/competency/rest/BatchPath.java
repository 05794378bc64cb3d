package id.asn.merit.competency.rest;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;

/**
 * The contract's {@code POST /api/v1/competency-gaps:batch} (a custom method in the AIP-136 style, SYSTEM.md §3).
 * Vert.x reads {@code :batch} in a route path as a path parameter, so the JAX-RS resource cannot be registered under
 * it; a first route re-routes that exact path to {@link GapBatchResource#INTERNAL_PATH} before any other routing,
 * and the OpenAPI document shows the path as the contract names it.
 */
@ApplicationScoped
public class BatchPath {
    static final String ENCODED = GapBatchResource.PATH.replace(":", "%3A");

    void route(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(rc -> {
            String path = rc.request().path();
            // clients send the colon as it is or percent-encoded (REST Assured, some proxies)
            if (GapBatchResource.PATH.equals(path) || ENCODED.equalsIgnoreCase(path)) {
                String query = rc.request().query();
                rc.reroute(GapBatchResource.INTERNAL_PATH + (query == null ? "" : "?" + query));
            } else {
                rc.next();
            }
        });
    }

    @OpenApiFilter(OpenApiFilter.RunStage.BUILD)
    public static class Document implements OASFilter {
        @Override
        public void filterOpenAPI(OpenAPI openAPI) {
            if (openAPI.getPaths() == null) {
                return;
            }
            PathItem item = openAPI.getPaths().getPathItem(GapBatchResource.INTERNAL_PATH);
            if (item != null) {
                openAPI.getPaths().removePathItem(GapBatchResource.INTERNAL_PATH);
                openAPI.getPaths().addPathItem(GapBatchResource.PATH, item);
            }
        }
    }
}
