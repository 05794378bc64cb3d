package id.asn.merit.gateway.edge;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A raw HTTP/1.1 exchange, for requests no ordinary client sends (over-long lines, broken heads). */
final class Raw {
    record Answer(int status, String head, String body, boolean closed) {
        String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }
    }

    private Raw() {
    }

    /** Sends the bytes, reads one answer (head and Content-Length body), then whether the gateway closed. */
    static Answer exchange(int port, String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int matched = 0;
            while (matched < 4) {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("connection closed before a full head: " + head);
                }
                head.write(b);
                matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
                        ? matched + 1 : b == '\r' ? 1 : 0;
            }
            String h = head.toString(StandardCharsets.ISO_8859_1);
            Answer partial = new Answer(Integer.parseInt(h.substring(9, 12)), h, "", false);
            String length = partial.header("Content-Length");
            byte[] body = length == null ? new byte[0] : in.readNBytes(Integer.parseInt(length));
            boolean closed;
            try {
                closed = in.read() < 0;
            } catch (java.net.SocketException e) {
                closed = true;
            }
            return new Answer(partial.status(), h, new String(body, StandardCharsets.UTF_8), closed);
        }
    }
}
