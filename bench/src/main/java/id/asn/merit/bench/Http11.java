package id.asn.merit.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One persistent HTTP/1.1 connection, blocking, over a plain socket: the load client of the province bench. It keeps
 * its connection alive between requests (reconnecting when the server closed it), reads a body by
 * {@code Content-Length} or {@code Transfer-Encoding: chunked}, and does nothing else (no redirects, no TLS, no
 * compression), so its own cost per request is a few microseconds and one worker is exactly one connection — which
 * the JDK client does not guarantee (it may open more than one connection per worker, or share one).
 * Not thread-safe: one instance per worker.
 */
final class Http11 implements AutoCloseable {
    /** One answer. {@code body} is this connection's reused buffer up to {@code length}: copy it to keep it. */
    record Response(int status, byte[] body, int length, Map<String, String> headers) {
        String text() {
            return new String(body, 0, length, StandardCharsets.UTF_8);
        }

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final String host;
    private final int port;
    private final int timeoutMillis;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private byte[] buffer = new byte[16 * 1024];
    private final byte[] line = new byte[16 * 1024];
    /** connections opened over this client's life (1 when keep-alive held throughout) */
    private int opened;

    Http11(String baseUrl) {
        this(baseUrl, 30_000);
    }

    Http11(String baseUrl, int timeoutMillis) {
        URI u = URI.create(baseUrl);
        this.host = u.getHost();
        this.port = u.getPort() < 0 ? 80 : u.getPort();
        this.timeoutMillis = timeoutMillis;
    }

    int opened() {
        return opened;
    }

    Response get(String pathAndQuery, String token) throws IOException {
        return send("GET", pathAndQuery, token, null, null, null);
    }

    Response post(String path, String token, String contentType, byte[] body) throws IOException {
        return send("POST", path, token, contentType, body, null);
    }

    Response postFile(String path, String token, String contentType, Path file) throws IOException {
        return send("POST", path, token, contentType, null, file);
    }

    /**
     * Sends one request and reads the whole answer. A GET that fails before any byte of the answer arrived on a
     * reused connection (the server closed it while idle) is sent once more on a fresh one.
     */
    Response send(String method, String path, String token, String contentType, byte[] body, Path file) throws IOException {
        boolean reused = socket != null;
        try {
            return exchange(method, path, token, contentType, body, file);
        } catch (IOException e) {
            close();
            if (reused && method.equals("GET")) {
                return exchange(method, path, token, contentType, body, file);
            }
            throw e;
        }
    }

    private Response exchange(String method, String path, String token, String contentType, byte[] body, Path file) throws IOException {
        if (socket == null) {
            connect();
        }
        StringBuilder head = new StringBuilder(256);
        head.append(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: ").append(host).append(':').append(port).append("\r\n");
        if (token != null) {
            head.append("Authorization: Bearer ").append(token).append("\r\n");
        }
        head.append("Accept: application/json\r\n");
        long length = body != null ? body.length : file != null ? Files.size(file) : -1;
        if (length >= 0) {
            head.append("Content-Type: ").append(contentType).append("\r\nContent-Length: ").append(length).append("\r\n");
        }
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (body != null) {
            out.write(body);
        } else if (file != null) {
            try (InputStream f = Files.newInputStream(file)) {
                f.transferTo(out);
            }
        }
        out.flush();
        return read(method.equals("HEAD"));
    }

    private void connect() throws IOException {
        Socket s = new Socket();
        s.setTcpNoDelay(true);
        s.setSoTimeout(timeoutMillis);
        s.connect(new InetSocketAddress(host, port), 5000);
        socket = s;
        in = new BufferedInputStream(s.getInputStream(), 16 * 1024);
        out = new BufferedOutputStream(s.getOutputStream(), 16 * 1024);
        opened++;
    }

    private Response read(boolean head) throws IOException {
        String status = readLine();
        while (status.isEmpty()) {
            status = readLine();
        }
        if (!status.startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP/1.x answer: " + status);
        }
        int code = Integer.parseInt(status.substring(9, 12));
        Map<String, String> headers = new LinkedHashMap<>();
        String h;
        while (!(h = readLine()).isEmpty()) {
            int colon = h.indexOf(':');
            if (colon > 0) {
                headers.put(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
            }
        }
        if (code == 100) {
            return read(head);
        }
        int length = 0;
        String te = headers.get("transfer-encoding");
        String cl = headers.get("content-length");
        boolean closeAfter = "close".equalsIgnoreCase(headers.get("connection")) || status.startsWith("HTTP/1.0");
        if (head || code == 204 || code == 304) {
            length = 0;
        } else if (te != null && te.toLowerCase(Locale.ROOT).contains("chunked")) {
            while (true) {
                String size = readLine();
                int semi = size.indexOf(';');
                int n = Integer.parseInt((semi < 0 ? size : size.substring(0, semi)).trim(), 16);
                if (n == 0) {
                    while (!readLine().isEmpty()) {
                        // trailers
                    }
                    break;
                }
                ensure(length + n);
                readFully(buffer, length, n);
                length += n;
                readLine();
            }
        } else if (cl != null) {
            int n = Integer.parseInt(cl);
            ensure(n);
            readFully(buffer, 0, n);
            length = n;
        } else {
            // no length: the body runs to the end of the connection
            int r;
            while ((r = in.read(line)) > 0) {
                ensure(length + r);
                System.arraycopy(line, 0, buffer, length, r);
                length += r;
            }
            closeAfter = true;
        }
        Response response = new Response(code, buffer, length, headers);
        if (closeAfter) {
            close();
        }
        return response;
    }

    private void ensure(int n) {
        if (buffer.length < n) {
            buffer = Arrays.copyOf(buffer, Math.max(n, buffer.length * 2));
        }
    }

    private void readFully(byte[] b, int off, int n) throws IOException {
        while (n > 0) {
            int r = in.read(b, off, n);
            if (r < 0) {
                throw new EOFException("connection closed in the middle of a body");
            }
            off += r;
            n -= r;
        }
    }

    private String readLine() throws IOException {
        int n = 0;
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                if (n > 0 && line[n - 1] == '\r') {
                    n--;
                }
                return new String(line, 0, n, StandardCharsets.ISO_8859_1);
            }
            if (n == line.length) {
                throw new IOException("header line longer than " + line.length + " bytes");
            }
            line[n++] = (byte) c;
        }
        throw new EOFException("connection closed");
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing
            }
        }
        socket = null;
        in = null;
        out = null;
    }
}
