package id.asn.merit.gateway.health;

import id.asn.merit.gateway.config.GatewayConfig;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The gateway is ready only when every service behind it is: each service's own {@code /q/health/ready}, asked in
 * parallel without blocking, each within {@code asn.gateway.health.timeout}. The check lists every service with
 * UP or DOWN and why; one DOWN service makes the whole check (and {@code /q/health}) DOWN, HTTP 503.
 */
@Readiness
@ApplicationScoped
public class ServicesReadinessCheck implements AsyncHealthCheck {
    public static final String NAME = "suite-services";

    @Inject
    GatewayConfig config;
    @Inject
    Vertx vertx;

    private volatile HttpClient client;

    @Override
    public Uni<HealthCheckResponse> call() {
        Map<String, Future<String>> states = new TreeMap<>();
        config.services().forEach((name, service) -> states.put(name, probe(service.url())));
        List<Future<String>> all = new ArrayList<>(states.values());
        return Uni.createFrom().completionStage(Future.join(all).otherwiseEmpty().toCompletionStage())
                .map(ignored -> {
                    HealthCheckResponseBuilder builder = HealthCheckResponse.named(NAME).up();
                    states.forEach((name, state) -> {
                        String value = state.succeeded() ? state.result() : "DOWN (" + state.cause() + ")";
                        builder.withData(name, value);
                        if (!value.equals("UP")) {
                            builder.down();
                        }
                    });
                    return builder.build();
                });
    }

    private Future<String> probe(String url) {
        URI base = URI.create(url.trim());
        boolean https = "https".equalsIgnoreCase(base.getScheme());
        String path = (base.getRawPath() == null ? "" : base.getRawPath().replaceAll("/+$", "")) + "/q/health/ready";
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setHost(base.getHost())
                .setPort(base.getPort() > 0 ? base.getPort() : https ? 443 : 80)
                .setSsl(https)
                .setURI(path)
                .setConnectTimeout(config.health().timeout().toMillis())
                .setIdleTimeout(config.health().timeout().toMillis());
        return client().request(options)
                .compose(req -> req.send())
                .compose(resp -> resp.body().map(body -> resp.statusCode() == 200 ? "UP"
                        : "DOWN (HTTP " + resp.statusCode() + ")"))
                .recover(err -> Future.succeededFuture("DOWN (" + describe(err) + ")"));
    }

    private static String describe(Throwable err) {
        String name = err.getClass().getSimpleName();
        if (name.contains("Timeout")) {
            return "no answer in time";
        }
        if (err instanceof java.net.ConnectException) {
            return "not reachable";
        }
        return name;
    }

    private HttpClient client() {
        HttpClient c = client;
        if (c == null) {
            synchronized (this) {
                if (client == null) {
                    client = vertx.createHttpClient(new HttpClientOptions()
                            .setConnectTimeout((int) config.health().timeout().toMillis())
                            .setMaxPoolSize(4)
                            .setKeepAlive(true)
                            .setKeepAliveTimeout(30));
                }
                c = client;
            }
        }
        return c;
    }
}
