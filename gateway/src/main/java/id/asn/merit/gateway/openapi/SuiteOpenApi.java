package id.asn.merit.gateway.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import id.asn.merit.gateway.Problems;
import id.asn.merit.gateway.RequestIds;
import id.asn.merit.gateway.config.GatewayConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.net.URI;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * {@code /q/openapi}: the suite's one OpenAPI document, merged by {@link OpenApiMerger} from each service's
 * {@code /q/openapi?format=json}. JSON by default, YAML with {@code ?format=yaml} or {@code Accept: application/yaml}.
 * Reused for {@code asn.gateway.openapi.cache-ttl}; a document missing a service is reused for at most 5 s, so a
 * service that comes back shows up soon. A service that is down keeps the last document the gateway read from it,
 * marked stale ({@code x-asn-stale}, see {@link OpenApiMerger#markAvailability}); one never read is named in
 * {@code x-asn-missing}. Kept documents live in memory only (a restarted gateway has none until it reads them).
 */
@ApplicationScoped
public class SuiteOpenApi {
    private static final Logger LOG = Logger.getLogger(SuiteOpenApi.class);
    private static final long PARTIAL_TTL_NANOS = 5_000_000_000L;
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    /** A merged document with its two renderings, made once. */
    record Rendered(ObjectNode document, String json, String yaml, long madeAt, boolean complete) {
    }

    @Inject
    GatewayConfig config;
    @Inject
    ObjectMapper json;
    @Inject
    Vertx vertx;
    @ConfigProperty(name = "quarkus.application.version", defaultValue = "0.1.0")
    String version;

    private HttpClient client;
    private OpenApiMerger merger;
    private volatile Rendered cached;
    /** Each service's last document read, kept to stand in (marked stale) while the service is down. */
    private final Map<String, LastGood> lastGood = new ConcurrentHashMap<>();
    /** Since when each service that is down has failed to give its document (cleared when it answers again). */
    private final Map<String, Instant> downSince = new ConcurrentHashMap<>();

    record LastGood(JsonNode document, Instant readAt) {
    }
    private Future<Rendered> inFlight;

    void init(@Observes Router router) {
        Map<String, String> prefixes = config.services().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().schemaPrefix()));
        merger = new OpenApiMerger(new OpenApiMerger.Info("ASN Merit Suite API", version,
                "The ASN Merit Suite behind its gateway: employees, positions and org units; competencies, standards, "
                        + "assessments and gaps; training records and JP compliance; merit profiles, the talent 9-box, "
                        + "promotion rankings and fairness reports. Every call needs a bearer JWT; errors are "
                        + "application/problem+json (RFC 9457); component names carry their service's prefix."),
                prefixes);
        client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.openapi().fetchTimeout().toMillis())
                .setMaxPoolSize(4));
        router.get("/q/openapi").order(-1).handler(this::serve);
    }

    void serve(RoutingContext ctx) {
        String format = ctx.request().getParam("format");
        String accept = ctx.request().getHeader("Accept");
        boolean yaml = format != null ? format.equalsIgnoreCase("yaml") || format.equalsIgnoreCase("yml")
                : accept != null && accept.contains("yaml") && !accept.contains("json");
        document().onSuccess(doc -> {
            ctx.response().putHeader("Cache-Control", "no-cache");
            if (yaml) {
                ctx.response().putHeader("Content-Type", "application/yaml;charset=UTF-8").end(doc.yaml());
            } else {
                ctx.response().putHeader("Content-Type", "application/json;charset=UTF-8").end(doc.json());
            }
        }).onFailure(err -> {
            LOG.error("cannot build the suite OpenAPI document", err);
            Problems.send(ctx.response(), 500, "urn:asn:problem:openapi-unavailable", "OpenAPI document unavailable",
                    "the merged OpenAPI document could not be built", ctx.request().path(), RequestIds.of(ctx));
        });
    }

    /** The merged document, from the cache while it is fresh; concurrent callers share one rebuild. */
    synchronized Future<Rendered> document() {
        Rendered doc = cached;
        long now = System.nanoTime();
        if (doc != null && now - doc.madeAt() < (doc.complete() ? config.openapi().cacheTtl().toNanos()
                : Math.min(PARTIAL_TTL_NANOS, config.openapi().cacheTtl().toNanos()))) {
            return Future.succeededFuture(doc);
        }
        if (inFlight == null) {
            inFlight = rebuild().andThen(done -> {
                synchronized (this) {
                    inFlight = null;
                    if (done.succeeded()) {
                        cached = done.result();
                    }
                }
            });
        }
        return inFlight;
    }

    private Future<Rendered> rebuild() {
        Map<String, Future<JsonNode>> fetches = new TreeMap<>();
        config.services().forEach((name, service) -> fetches.put(name, fetch(name, service.url())));
        return Future.join(new ArrayList<>(fetches.values())).otherwiseEmpty().compose(ignored -> {
            Instant now = Instant.now();
            Map<String, JsonNode> documents = new TreeMap<>();
            Map<String, OpenApiMerger.Outage> stale = new TreeMap<>();
            Map<String, Instant> missing = new TreeMap<>();
            fetches.forEach((name, f) -> {
                if (f.succeeded()) {
                    documents.put(name, f.result());
                    lastGood.put(name, new LastGood(f.result(), now));
                    downSince.remove(name);
                    return;
                }
                Instant since = downSince.computeIfAbsent(name, n -> now);
                LastGood kept = lastGood.get(name);
                if (kept != null) {
                    // a service that is down keeps its last good document, marked stale, instead of vanishing
                    documents.put(name, kept.document());
                    stale.put(name, new OpenApiMerger.Outage(since, kept.readAt()));
                    LOG.warnf("OpenAPI document of %s not available (%s): its last good one, read at %s, is served marked stale",
                            name, f.cause().toString(), kept.readAt());
                } else {
                    missing.put(name, since);
                    LOG.warnf("OpenAPI document of %s not available: %s", name, f.cause().toString());
                }
            });
            List<String> unavailable = new ArrayList<>(stale.keySet());
            unavailable.addAll(missing.keySet());
            // merging and rendering ~100 kB of JSON is CPU work, kept off the event loop
            return vertx.executeBlocking(() -> {
                ObjectNode merged = merger.merge(documents, unavailable);
                OpenApiMerger.markAvailability(merged, documents, stale, missing);
                return render(merged, unavailable.isEmpty());
            }, false);
        });
    }

    private Rendered render(ObjectNode doc, boolean complete) throws JsonProcessingException {
        return new Rendered(doc, json.writeValueAsString(doc), YAML.writeValueAsString(doc), System.nanoTime(), complete);
    }

    private Future<JsonNode> fetch(String service, String url) {
        URI base = URI.create(url.trim());
        boolean https = "https".equalsIgnoreCase(base.getScheme());
        String path = (base.getRawPath() == null ? "" : base.getRawPath().replaceAll("/+$", "")) + "/q/openapi?format=json";
        long timeout = config.openapi().fetchTimeout().toMillis();
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setHost(base.getHost())
                .setPort(base.getPort() > 0 ? base.getPort() : https ? 443 : 80)
                .setSsl(https)
                .setURI(path)
                .putHeader("Accept", "application/json")
                .setConnectTimeout(timeout)
                .setIdleTimeout(timeout);
        return client.request(options)
                .compose(req -> req.send())
                .compose(resp -> resp.body().compose(body -> {
                    if (resp.statusCode() != 200) {
                        return Future.failedFuture(service + " answered HTTP " + resp.statusCode());
                    }
                    try {
                        JsonNode doc = json.readTree(body.getBytes());
                        if (!doc.isObject() || !doc.has("paths")) {
                            return Future.failedFuture(service + " sent no OpenAPI document");
                        }
                        return Future.succeededFuture(doc);
                    } catch (Exception e) {
                        return Future.failedFuture(e);
                    }
                }));
    }
}
