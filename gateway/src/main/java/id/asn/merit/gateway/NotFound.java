package id.asn.merit.gateway;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** A path nothing serves is a 404 problem document, like every other error of the gateway. */
@ApplicationScoped
public class NotFound {
    void init(@Observes Router router) {
        router.route().order(Integer.MAX_VALUE - 100).handler(ctx -> Problems.send(ctx.response(), 404,
                "urn:asn:problem:not-found", "Not found", "nothing is served at " + ctx.request().path(),
                ctx.request().path(), RequestIds.of(ctx)));
    }
}
