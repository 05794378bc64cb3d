package id.asn.merit.gateway.openapi;

import id.asn.merit.gateway.Problems;
import id.asn.merit.gateway.RequestIds;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** {@code /q/asyncapi}: the suite's event surface (SYSTEM.md §5), the AsyncAPI 3 document on the class path. */
@ApplicationScoped
public class AsyncApiDocument {
    static final String RESOURCE = "asyncapi.yaml";
    private String document;

    void init(@Observes Router router) {
        document = load();
        router.get("/q/asyncapi").order(-1).handler(this::serve);
    }

    void serve(RoutingContext ctx) {
        if (document == null) {
            Problems.send(ctx.response(), 404, "urn:asn:problem:not-found", "Not found",
                    "no AsyncAPI document is packaged with the gateway", ctx.request().path(), RequestIds.of(ctx));
            return;
        }
        ctx.response().putHeader("Content-Type", "application/yaml;charset=UTF-8").end(document);
    }

    private static String load() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
