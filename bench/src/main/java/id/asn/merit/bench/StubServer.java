package id.asn.merit.bench;

import com.sun.net.httpserver.HttpServer;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;

/**
 * The stub behind the second gateway of the province bench, run as its own process so its CPU is counted apart: it
 * answers every request with one fixed JSON body (a real {@code GET /employees/{nip}} answer, so the size is the
 * same), {@code /q/health*} with UP. Nothing is computed per request, so "stub through the gateway" shows the
 * gateway's own cost with almost nothing behind it.
 * <p>
 * Usage: {@code java -cp bench.jar id.asn.merit.bench.StubServer <port> <body-file> [threads]}
 */
public final class StubServer {
    private StubServer() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        byte[] body = Files.readAllBytes(Path.of(args[1]));
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        byte[] up = "{\"status\":\"UP\",\"checks\":[]}".getBytes(StandardCharsets.UTF_8);
        HttpServer server = HttpServer.create(new InetSocketAddress("localhost", port), 256);
        server.setExecutor(Executors.newFixedThreadPool(threads));
        server.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            byte[] answer = exchange.getRequestURI().getPath().startsWith("/q/health") ? up : body;
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
        System.out.println("stub on " + port + ", " + body.length + " bytes per answer, " + threads + " threads");
        // stops with its parent: the bench destroys it, and a stdin closed by a dead parent ends it as well
        while (System.in.read() >= 0) {
            // wait
        }
        System.exit(0);
    }
}
