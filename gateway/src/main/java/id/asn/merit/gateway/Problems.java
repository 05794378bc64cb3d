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

    /**
     * As {@link #send}, then closes the connection (HTTP/1.x) or resets the stream (HTTP/2): for answers given while
     * the caller's body is still unread or unfinished (413, 408), where the connection cannot be reused.
     */
    public static void sendAndClose(io.vertx.core.http.HttpServerRequest request, HttpServerResponse response, int status,
            String type, String title, String detail, String instance, String requestId) {
        if (response.ended() || response.closed()) {
            return;
        }
        if (response.headWritten()) {
            response.reset();
            return;
        }
        boolean h2 = request.version() == io.vertx.core.http.HttpVersion.HTTP_2;
        if (!h2) {
            response.putHeader("Connection", "close");
        }
        String body = problem(status, type, title, detail, instance, requestId).encode();
        response.setStatusCode(status)
                .putHeader("Content-Type", CONTENT_TYPE)
                .putHeader("Cache-Control", "no-store")
                .end(body)
                .onComplete(done -> {
                    if (h2) {
                        response.reset(0);
                    } else if (request.isEnded()) {
                        request.connection().close();
                    } else {
                        lingerThenClose(request);
                    }
                });
    }

    /**
     * Reads and drops what the caller is still sending for a short while before closing: closing a socket with
     * unread data makes the kernel send a reset, and many clients (those that write the whole body before reading)
     * would then see a broken pipe instead of the answer. Bounded by {@link #LINGER_MS} and {@link #LINGER_BYTES}.
     */
    private static void lingerThenClose(io.vertx.core.http.HttpServerRequest request) {
        io.vertx.core.Context context = io.vertx.core.Vertx.currentContext();
        var connection = request.connection();
        long[] dropped = {0};
        boolean[] closed = {false};
        Runnable close = () -> {
            if (!closed[0]) {
                closed[0] = true;
                connection.close();
            }
        };
        request.handler(chunk -> {
            dropped[0] += chunk.length();
            if (dropped[0] > LINGER_BYTES) {
                close.run();
            }
        });
        request.endHandler(v -> close.run());
        request.exceptionHandler(err -> close.run());
        request.resume();
        if (context != null) {
            context.owner().setTimer(LINGER_MS, t -> close.run());
        } else {
            close.run();
        }
    }

    static final long LINGER_MS = 2_000;
    static final long LINGER_BYTES = 64L * 1024 * 1024;
}
