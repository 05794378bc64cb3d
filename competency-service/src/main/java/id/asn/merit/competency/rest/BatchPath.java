package id.asn.merit.competency.rest;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;

import java.net.URI;

/**
 * The contract's {@code POST /api/v1/competency-gaps:batch} (a custom method in the AIP-136 style, SYSTEM.md §3):
 * before matching, its path is mapped onto the resource's {@link GapBatchResource#INTERNAL_PATH}; in the OpenAPI
 * document the path is shown as the contract names it.
 */
public final class BatchPath {
    private BatchPath() {
    }

    @Provider
    @PreMatching
    public static class Rewrite implements ContainerRequestFilter {
        @Override
        public void filter(ContainerRequestContext request) {
            URI uri = request.getUriInfo().getRequestUri();
            if (GapBatchResource.PATH.equals(uri.getRawPath())) {
                String query = uri.getRawQuery();
                request.setRequestUri(URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + GapBatchResource.INTERNAL_PATH
                        + (query == null ? "" : "?" + query)));
            }
        }
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
