package id.asn.merit.training.plans;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The contract's {@code POST /api/v1/development-plans/{id}/items:generate} (a custom method, as competency-service's
 * {@code :batch}). Vert.x reads {@code :generate} in a route path as a path parameter, so the resource sits at
 * {@link DevelopmentPlanResource#GENERATE_INTERNAL}; a first route re-routes the contract's path there, with the colon
 * as sent or percent-encoded, and the OpenAPI document names the path as the contract does.
 */
@ApplicationScoped
public class GeneratePath {
    public static final String PATH = "/api/v1/development-plans/{id}/items:generate";
    static final Pattern CONTRACT = Pattern.compile("^/api/v1/development-plans/([^/]+)/items(?::|%3[aA])generate$");

    void route(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(rc -> {
            String path = rc.request().path();
            Matcher m = path.contains("/development-plans/") ? CONTRACT.matcher(path) : null;
            if (m != null && m.matches()) {
                String query = rc.request().query();
                rc.reroute("/api/v1/development-plans/" + m.group(1) + "/items-generate" + (query == null ? "" : "?" + query));
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
            String internal = "/api/v1/development-plans" + DevelopmentPlanResource.GENERATE_INTERNAL;
            PathItem item = openAPI.getPaths().getPathItem(internal);
            if (item != null) {
                openAPI.getPaths().removePathItem(internal);
                openAPI.getPaths().addPathItem(PATH, item);
            }
        }
    }
}
