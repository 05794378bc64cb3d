package id.asn.merit.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@code /q/openapi}: the suite's merged OpenAPI document (JSON, or YAML with {@code ?format=yaml}), rebuilt from the
 * services at most every 30 s; {@code /q/asyncapi}: the event surface (docs/asyncapi.yaml).
 */
@ApplicationScoped
public class SuiteDocuments {
    private static final Logger LOG = Logger.getLogger(SuiteDocuments.class);
    private static final Duration CACHE = Duration.ofSeconds(30);

    @Inject
    GatewayConfig config;
    @Inject
    ObjectMapper json;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private volatile ObjectNode cached;
    private volatile long cachedAt;

    void init(@Observes Router router) {
        router.get("/q/openapi").order(-1).blockingHandler(this::openApi);
        router.get("/q/asyncapi").order(-1).blockingHandler(this::asyncApi);
    }

    void openApi(RoutingContext ctx) {
        ObjectNode doc = merged();
        boolean yaml = "yaml".equalsIgnoreCase(ctx.request().getParam("format"))
                || (ctx.request().getParam("format") == null && String.valueOf(ctx.request().getHeader("Accept")).contains("yaml"));
        try {
            if (yaml) {
                ctx.response().putHeader("Content-Type", "application/yaml;charset=UTF-8")
                        .end(new ObjectMapper(new YAMLFactory()).writeValueAsString(doc));
            } else {
                ctx.response().putHeader("Content-Type", "application/json;charset=UTF-8").end(json.writeValueAsString(doc));
            }
        } catch (IOException e) {
            ctx.fail(e);
        }
    }

    void asyncApi(RoutingContext ctx) {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("asyncapi.yaml")) {
            if (in == null) {
                ctx.response().setStatusCode(404).end();
                return;
            }
            ctx.response().putHeader("Content-Type", "application/yaml;charset=UTF-8")
                    .end(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            ctx.fail(e);
        }
    }

    ObjectNode merged() {
        ObjectNode doc = cached;
        if (doc != null && System.nanoTime() - cachedAt < CACHE.toNanos()) {
            return doc;
        }
        List<OpenApiMerger.ServiceDoc> docs = new ArrayList<>();
        List<String> unavailable = new ArrayList<>();
        List<Map.Entry<String, GatewayConfig.Service>> services = new ArrayList<>(config.services().entrySet());
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (var s : services) {
            calls.add(http.sendAsync(HttpRequest.newBuilder(URI.create(s.getValue().url() + "/q/openapi?format=json"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()));
        }
        for (int i = 0; i < services.size(); i++) {
            var s = services.get(i);
            try {
                HttpResponse<String> response = calls.get(i).join();
                if (response.statusCode() != 200) {
                    throw new IOException("status " + response.statusCode());
                }
                JsonNode document = json.readTree(response.body());
                docs.add(new OpenApiMerger.ServiceDoc(s.getKey(), s.getValue().schemaPrefix(), document));
            } catch (Exception e) {
                LOG.warnf("OpenAPI of %s not available: %s", s.getKey(), e.toString());
                unavailable.add(s.getKey());
            }
        }
        docs.sort((a, b) -> a.service().compareTo(b.service()));
        doc = OpenApiMerger.merge("ASN Merit Suite API", "0.1.0", docs, unavailable);
        if (unavailable.isEmpty()) {
            cached = doc;
            cachedAt = System.nanoTime();
        }
        return doc;
    }
}
