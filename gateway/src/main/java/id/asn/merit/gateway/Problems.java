package id.asn.merit.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.http.HttpServerResponse;

/** The gateway's own errors as RFC 9457 problem documents, like every service's. */
final class Problems {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Problems() {
    }

    static void send(HttpServerResponse response, int status, String type, String title, String detail, String instance,
            String requestId) {
        if (response.headWritten()) {
            response.reset();
            return;
        }
        ObjectNode problem = JSON.createObjectNode();
        problem.put("type", type);
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("instance", instance);
        problem.put("requestId", requestId);
        response.setStatusCode(status).putHeader("Content-Type", "application/problem+json").end(problem.toString());
    }
}
