package id.asn.merit.gateway;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;

/**
 * The gateway's own errors as RFC 9457 problem documents ({@code application/problem+json}), shaped like the
 * services' (SYSTEM.md §4) plus the request id, so a caller can quote it.
 */
public final class Problems {
    public static final String CONTENT_TYPE = "application/problem+json";

    private Problems() {
    }

    /** The problem document itself; {@code type} is a URN naming the problem. */
    public static JsonObject problem(int status, String type, String title, String detail, String instance, String requestId) {
        return new JsonObject()
                .put("type", type)
                .put("title", title)
                .put("status", status)
                .put("detail", detail)
                .put("instance", instance)
                .put("requestId", requestId);
    }

    /**
     * Ends the response with the problem. When the head was already sent (a backend failed half-way through its
     * answer) nothing honest can be said any more, so the connection is reset instead.
     */
    public static void send(HttpServerResponse response, int status, String type, String title, String detail,
            String instance, String requestId) {
        if (response.ended() || response.closed()) {
            return;
        }
        if (response.headWritten()) {
            response.reset();
            return;
        }
        String body = problem(status, type, title, detail, instance, requestId).encode();
        response.setStatusCode(status)
                .putHeader("Content-Type", CONTENT_TYPE)
                .putHeader("Cache-Control", "no-store")
                .end(body);
    }
}
