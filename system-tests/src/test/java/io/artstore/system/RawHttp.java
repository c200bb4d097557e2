package io.artstore.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Sends a request's head (and optionally the start of its body) over a plain socket and
 * reads the answer, without ever sending the rest: proof that a server decided on the
 * headers alone. (JDK's HttpClient always sends the whole declared body first.)
 */
public final class RawHttp {

    public record Answer(int status, String body, String head) {
    }

    private RawHttp() {
    }

    /** Whether a whole response (head and body, by Content-Length or chunked framing) has arrived. */
    public static boolean complete(String text) {
        int headEnd = text.indexOf("\r\n\r\n");
        if (headEnd < 0) {
            return false;
        }
        String head = text.substring(0, headEnd).toLowerCase(java.util.Locale.ROOT);
        String body = text.substring(headEnd + 4);
        if (head.contains("transfer-encoding: chunked")) {
            return body.endsWith("0\r\n\r\n");
        }
        java.util.regex.Matcher length = java.util.regex.Pattern.compile("content-length: *(\\d+)").matcher(head);
        return length.find() ? body.getBytes(StandardCharsets.ISO_8859_1).length >= Integer.parseInt(length.group(1))
                : false;
    }

    public static Answer send(String baseUrl, String requestHead, byte[] bodyStart) {
        URI uri = URI.create(baseUrl);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(90_000);
            OutputStream out = socket.getOutputStream();
            out.write(requestHead.getBytes(StandardCharsets.UTF_8));
            out.write(bodyStart);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            for (int n; !complete(received.toString(StandardCharsets.ISO_8859_1)) && (n = in.read(buffer)) >= 0; ) {
                received.write(buffer, 0, n);
            }
            String text = received.toString(StandardCharsets.UTF_8);
            int status = Integer.parseInt(text.substring(9, 12));
            int headEnd = text.indexOf("\r\n\r\n");
            return new Answer(status, headEnd < 0 ? "" : text.substring(headEnd + 4),
                    headEnd < 0 ? text : text.substring(0, headEnd));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
