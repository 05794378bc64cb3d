package id.asn.merit.gateway;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** The gateway is ready only when every service behind it is: each service's own readiness, asked in parallel. */
@Readiness
@ApplicationScoped
public class ServicesHealthCheck implements HealthCheck {
    @Inject
    GatewayConfig config;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Override
    public HealthCheckResponse call() {
        Map<String, CompletableFuture<String>> checks = new LinkedHashMap<>();
        config.services().forEach((name, service) -> checks.put(name, http.sendAsync(
                        HttpRequest.newBuilder(URI.create(service.url() + "/q/health/ready")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding())
                .thenApply(r -> r.statusCode() == 200 ? "UP" : "DOWN (" + r.statusCode() + ")")
                .exceptionally(e -> "DOWN (" + (e.getCause() != null ? e.getCause().getClass().getSimpleName() : e.getClass().getSimpleName()) + ")")));
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("suite services").up();
        checks.forEach((name, result) -> {
            String state = result.join();
            builder.withData(name, state);
            if (!state.equals("UP")) {
                builder.down();
            }
        });
        return builder.build();
    }
}
