package id.asn.merit.devinfra.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import id.asn.merit.devinfra.DevJwt;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The demo loader's only way into the suite: the gateway's public REST API, over HTTP/1.1, with development tokens
 * signed by the local key pair (as {@code ./suite token} makes them). A {@code 429} is waited out (its
 * {@code Retry-After}), a connection error retried a few times; every other answer is returned as it is.
 */
public final class DemoApi {
    static final ObjectMapper JSON = new ObjectMapper();

    /** One answer: status, body as JSON (MissingNode when not JSON), the raw text and the headers. */
    public record Reply(int status, JsonNode json, String text, Map<String, List<String>> headers) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
        }

        /** fails with the answer when it is not one of the statuses expected */
        public Reply expect(String what, int... statuses) {
            for (int s : statuses) {
                if (s == status) {
                    return this;
                }
            }
            throw new DemoException(what + ": HTTP " + status + " " + abbreviate(text));
        }
    }

    public static final class DemoException extends RuntimeException {
        public DemoException(String message) {
            super(message);
        }
    }

    private final String base;
    private final Path keyDir;
    private final HttpClient http;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong calls = new java.util.concurrent.atomic.AtomicLong();

    public DemoApi(String gatewayUrl, Path keyDir) {
        this.base = gatewayUrl.endsWith("/") ? gatewayUrl.substring(0, gatewayUrl.length() - 1) : gatewayUrl;
        this.keyDir = keyDir;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    public String base() {
        return base;
    }

    public long calls() {
        return calls.get();
    }

    /** The loader's own ADMIN token (subject demo-loader), or a person's EMPLOYEE token for self-submitted records. */
    String token(String role, String nip) {
        return tokens.computeIfAbsent(role + "/" + nip, k -> DevJwt.sign(keyDir, nip != null ? nip : "demo-loader",
                List.of(role), nip, null, Duration.ofHours(2)));
    }

    public Reply get(String path) {
        return send("GET", path, null, null, "ADMIN", null, "application/json");
    }

    public Reply getAccept(String path, String accept) {
        return send("GET", path, null, null, "ADMIN", null, accept);
    }

    public Reply post(String path, Object body) {
        return send("POST", path, body, null, "ADMIN", null, "application/json");
    }

    public Reply post(String path, Object body, String idempotencyKey) {
        return send("POST", path, body, idempotencyKey, "ADMIN", null, "application/json");
    }

    public Reply postAs(String role, String nip, String path, Object body) {
        return send("POST", path, body, null, role, nip, "application/json");
    }

    public Reply put(String path, Object body, String ifMatch) {
        return send("PUT", path, body, null, "ADMIN", null, "application/json", ifMatch);
    }

    Reply send(String method, String path, Object body, String idempotencyKey, String role, String nip, String accept) {
        return send(method, path, body, idempotencyKey, role, nip, accept, null);
    }

    Reply send(String method, String path, Object body, String idempotencyKey, String role, String nip, String accept, String ifMatch) {
        byte[] bytes;
        try {
            bytes = body == null ? null : body instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new DemoException("cannot write the body of " + method + " " + path + ": " + e.getMessage());
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token(role, nip)).header("Accept", accept)
                .method(method, bytes == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(bytes));
        if (bytes != null) {
            b.header("Content-Type", "application/json");
        }
        if (idempotencyKey != null) {
            b.header("Idempotency-Key", idempotencyKey);
        }
        if (ifMatch != null) {
            b.header("If-Match", ifMatch);
        }
        HttpRequest request = b.build();
        int connectionErrors = 0;
        while (true) {
            HttpResponse<String> r;
            try {
                calls.incrementAndGet();
                r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                if (++connectionErrors > 5) {
                    throw new DemoException(method + " " + path + ": " + e + " (is the suite up at " + base + "?)");
                }
                pause(Duration.ofMillis(500L * connectionErrors));
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DemoException("interrupted");
            }
            if (r.statusCode() == 429) {
                long seconds = r.headers().firstValueAsLong("Retry-After").orElse(1);
                pause(Duration.ofMillis(Math.max(200, seconds * 1000)));
                continue;
            }
            JsonNode json = MissingNode.getInstance();
            String text = r.body();
            if (text != null && !text.isBlank() && (text.startsWith("{") || text.startsWith("["))) {
                try {
                    json = JSON.readTree(text);
                } catch (IOException ignored) {
                    // not JSON after all: the text is kept
                }
            }
            return new Reply(r.statusCode(), json, text, r.headers().map());
        }
    }

    static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoException("interrupted");
        }
    }

    static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        return text.length() > 600 ? text.substring(0, 600) + "…" : text;
    }
}
