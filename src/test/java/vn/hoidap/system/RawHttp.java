package vn.hoidap.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * HTTP/1.1 on a socket the caller keeps: which connection a request goes on, and whether the server closed
 * it, are what the shutdown checks are about, and a pooling client hides both.
 */
final class RawHttp {

    private RawHttp() {
    }

    record Response(int status, String head, String body) {
        /** The server said this is the last response on the connection. */
        boolean closes() {
            return head.toLowerCase(Locale.ROOT).contains("\r\nconnection: close");
        }
    }

    static String chat(String question, String sessionId) {
        String body = "{\"message\":\"" + question.replace("\\", "").replace("\"", "'") + "\""
                + (sessionId == null ? "" : ",\"sessionId\":\"" + sessionId + "\"") + "}";
        return "POST /api/chat HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
    }

    static String get(String path) {
        return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    }

    static void send(Socket socket, String request) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(request.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Exactly one response (bodies by Content-Length); an IOException when the connection ends before it. */
    static Response read(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed before a response" + (head.size() > 0 ? " (read: " + head + ")" : ""));
            }
            head.write(b);
            matched = b == (matched % 2 == 0 ? '\r' : '\n') ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String h = head.toString(StandardCharsets.ISO_8859_1);
        if (!h.startsWith("HTTP/1.1 ") || h.length() < 12) {
            throw new IOException("not an HTTP/1.1 response: " + h);
        }
        int length = 0;
        boolean chunked = false;
        for (String line : h.split("\r\n")) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Integer.parseInt(line.substring("content-length:".length()).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        byte[] body = chunked ? chunks(in) : in.readNBytes(length);
        if (body.length < length) {
            throw new IOException("connection closed in the middle of a response body");
        }
        return new Response(Integer.parseInt(h.substring(9, 12)), h, new String(body, StandardCharsets.UTF_8));
    }

    /** A chunked body: hex size lines, each chunk followed by CRLF, a zero-size chunk and a blank line at the end. */
    private static byte[] chunks(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = line(in);
            int size = Integer.parseInt(sizeLine.split(";", 2)[0].trim(), 16);
            if (size == 0) {
                while (!line(in).isEmpty()) {
                    // trailers
                }
                return body.toByteArray();
            }
            byte[] chunk = in.readNBytes(size);
            if (chunk.length < size) {
                throw new IOException("connection closed in the middle of a chunk");
            }
            body.write(chunk);
            line(in);
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                throw new IOException("connection closed in the middle of a chunked body");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    static Response exchange(Socket socket, String request) throws IOException {
        send(socket, request);
        return read(socket);
    }
}
