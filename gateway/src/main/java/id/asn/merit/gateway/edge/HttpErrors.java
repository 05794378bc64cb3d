package id.asn.merit.gateway.edge;

import id.asn.merit.gateway.Problems;
import id.asn.merit.gateway.RequestIds;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.http.runtime.ServerLimitsConfig;
import io.quarkus.vertx.http.runtime.VertxHttpConfig;
import io.smallrye.config.SmallRyeConfig;
import io.vertx.core.Verticle;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.impl.ContextInternal;
import io.vertx.core.impl.Deployment;
import io.vertx.core.impl.VertxInternal;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.net.impl.TCPServerBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/**
 * The HTTP layer's own refusals as {@code application/problem+json} with a request id: a request line longer than
 * {@code quarkus.http.limits.max-initial-line-length} → {@code 414}, headers larger than
 * {@code quarkus.http.limits.max-header-size} → {@code 431}, anything else the HTTP decoder cannot read → {@code 400};
 * the connection is closed after the answer (the decoder cannot find the next request on it), as Vert.x does.
 * <p>
 * These requests never reach a route or filter: Vert.x hands them to {@link HttpServer#invalidRequestHandler}, whose
 * default answers with an empty body. Quarkus 3.31 creates its HTTP servers itself and offers no way to set that
 * handler (quarkusio/quarkus#55082), so once they listen this class sets it on each of them and has each one rebuild
 * its per-connection handler (which is where Vert.x reads it), on the server's own event loop. That step uses Vert.x
 * internals (the deployed Quarkus verticles' servers, {@code TCPServerBase.childHandler}); if they change, a WARN
 * is logged, Vert.x's empty answers stay, and {@code HttpLayerErrorsTest} fails.
 */
@ApplicationScoped
public class HttpErrors {
    private static final Logger LOG = Logger.getLogger(HttpErrors.class);
    private static final String QUARKUS_VERTICLE = "io.quarkus.vertx.http.runtime.VertxHttpRecorder$WebDeploymentVerticle";
    private static final int ATTEMPTS = 100;

    private volatile int maxLine;
    private volatile long maxHeaders;
    private final java.util.Set<Object> patched = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    void onStart(@Observes StartupEvent event, Vertx vertx) {
        ServerLimitsConfig limits = ConfigProvider.getConfig().unwrap(SmallRyeConfig.class)
                .getConfigMapping(VertxHttpConfig.class).limits();
        maxLine = limits.maxInitialLineLength();
        maxHeaders = limits.maxHeaderSize().asLongValue();
        install(vertx, 0);
    }

    /** Sets the handler on every Quarkus HTTP server; retried briefly while some are still starting to listen. */
    private void install(Vertx vertx, int attempt) {
        try {
            boolean pending = false;
            int servers = 0;
            for (Verticle verticle : quarkusVerticles((VertxInternal) vertx)) {
                for (String name : List.of("httpServer", "httpsServer")) {
                    Field field = verticle.getClass().getDeclaredField(name);
                    field.setAccessible(true);
                    Object server = field.get(verticle);
                    if (server == null) {
                        // no https server is normal; no http server yet means the verticle has not started
                        pending |= name.equals("httpServer");
                    } else if (patched.contains(server)) {
                        servers++;
                    } else if (server instanceof TCPServerBase tcp && server instanceof HttpServer && install(tcp)) {
                        patched.add(server);
                        servers++;
                    } else {
                        pending = true;
                    }
                }
            }
            pending |= servers == 0;
            if (pending && attempt < ATTEMPTS) {
                vertx.setTimer(50, t -> install(vertx, attempt + 1));
            } else if (pending) {
                LOG.warnf("the HTTP layer's own 400/414/431 answers stay Vert.x's (empty) on some connections: %d "
                        + "HTTP server(s) reached", servers);
            } else {
                LOG.debugf("problem+json for the HTTP layer's own errors on %d server(s)", servers);
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn("the HTTP layer's own 400/414/431 answers stay Vert.x's (empty): " + e);
        }
    }

    /** The verticles Quarkus deployed its HTTP servers with, one per event loop. */
    private static List<Verticle> quarkusVerticles(VertxInternal vertx) {
        List<Verticle> verticles = new ArrayList<>();
        for (String id : vertx.deploymentIDs()) {
            Deployment deployment = vertx.getDeployment(id);
            if (deployment != null) {
                deployment.getVerticles().stream().filter(v -> v.getClass().getName().equals(QUARKUS_VERTICLE))
                        .forEach(verticles::add);
            }
        }
        return verticles;
    }

    /** @return false while the server is not listening yet */
    private boolean install(TCPServerBase server) throws ReflectiveOperationException {
        Field context = TCPServerBase.class.getDeclaredField("listenContext");
        Field shaping = TCPServerBase.class.getDeclaredField("trafficShapingHandler");
        Field child = TCPServerBase.class.getDeclaredField("childHandler");
        Method make = TCPServerBase.class.getDeclaredMethod("childHandler", ContextInternal.class, SocketAddress.class,
                io.netty.handler.traffic.GlobalTrafficShapingHandler.class);
        for (var f : new java.lang.reflect.AccessibleObject[] {context, shaping, child, make}) {
            f.setAccessible(true);
        }
        ContextInternal listenContext = (ContextInternal) context.get(server);
        if (listenContext == null || child.get(server) == null) {
            return false;
        }
        ((HttpServer) server).invalidRequestHandler(this::answer);
        // the address Quarkus listened on (VertxHttpRecorder: listen(options.getPort(), options.getHost())); Vert.x
        // uses it for the server origin of absolute URIs only
        Field optionsField = TCPServerBase.class.getDeclaredField("options");
        optionsField.setAccessible(true);
        NetServerOptions options = (NetServerOptions) optionsField.get(server);
        // (a random test port is configured as -1 or 0: the port actually bound is the one a request came to)
        int port = server.actualPort() > 0 ? server.actualPort() : Math.max(0, options.getPort());
        SocketAddress address = SocketAddress.inetSocketAddress(port, options.getHost());
        Object shaper = shaping.get(server);
        // the per-connection handler is read on the server's event loop for each new connection: swap it there
        listenContext.runOnContext(v -> {
            try {
                child.set(server, make.invoke(server, listenContext, address, shaper));
            } catch (ReflectiveOperationException e) {
                LOG.warn("the HTTP layer's own 400/414/431 answers stay Vert.x's (empty): " + e);
            }
        });
        return true;
    }

    /** Vert.x's own choice of status (as its default handler), answered as a problem; then the connection closes. */
    void answer(HttpServerRequest request) {
        HttpServerResponse response = request.response();
        DecoderResult result = request.decoderResult();
        Throwable cause = result == null ? null : result.cause();
        String requestId = RequestIds.accept(request.headers().get(RequestIds.HEADER));
        int status;
        String type;
        String title;
        String detail;
        if (cause instanceof TooLongHttpLineException) {
            status = 414;
            type = "urn:asn:problem:uri-too-long";
            title = "URI too long";
            detail = "the request line is longer than " + maxLine + " bytes (quarkus.http.limits.max-initial-line-length)";
        } else if (cause instanceof TooLongHttpHeaderException) {
            status = 431;
            type = "urn:asn:problem:headers-too-large";
            title = "Request header fields too large";
            detail = "the request's headers are larger than " + maxHeaders + " bytes (quarkus.http.limits.max-header-size)";
        } else {
            status = 400;
            type = "urn:asn:problem:malformed-request";
            title = "Bad request";
            detail = "the request is not valid HTTP" + (cause == null || cause.getMessage() == null ? ""
                    : ": " + CorsRefusals.quoted(cause.getMessage()));
        }
        if (response.ended() || response.closed()) {
            return;
        }
        response.putHeader(RequestIds.HEADER, requestId);
        response.putHeader("Connection", "close");
        response.setStatusCode(status)
                .putHeader("Content-Type", Problems.CONTENT_TYPE)
                .putHeader("Cache-Control", "no-store")
                .end(problem(status, type, title, detail, requestId))
                .onComplete(done -> response.close());
    }

    /** No {@code instance}: what the decoder read of the request line cannot be trusted (nor is it always there). */
    private static String problem(int status, String type, String title, String detail, String requestId) {
        var problem = Problems.problem(status, type, title, detail, null, requestId);
        problem.remove("instance");
        return problem.encode();
    }
}
