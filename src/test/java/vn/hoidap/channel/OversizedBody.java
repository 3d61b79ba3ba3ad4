package vn.hoidap.channel;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Announces a body far over the server's limit and reads the status line it answers with. The server
 * refuses such a request from its Content-Length alone, before reading the body, and closes the connection:
 * an HTTP client still sending the body would see a broken pipe instead of the 413, so the test speaks raw
 * HTTP/1.1 and sends only the headers.
 */
public final class OversizedBody {

    private OversizedBody() {
    }

    public static int status(int port, String path, long contentLength) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + contentLength + "\r\n\r\n{\"object\":\"page\"").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            String statusLine = in.readLine();
            if (statusLine == null) {
                throw new IOException("the server closed the connection without a status line");
            }
            return Integer.parseInt(statusLine.split(" ")[1]);
        }
    }
}
