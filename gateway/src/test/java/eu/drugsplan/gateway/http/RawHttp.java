package eu.drugsplan.gateway.http;

import io.restassured.RestAssured;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * Requests written byte for byte on a socket: HTTP clients normalise paths and fix framing before sending, which
 * is exactly what these tests must not have done for them.
 */
final class RawHttp {

    /** What came back: the bytes read, and whether the gateway closed the connection. */
    record Exchange(String text, boolean closed) {
        int status() {
            return Integer.parseInt(text.substring(9, 12));
        }

        int answers() {
            return text.split("HTTP/1\\.1 ", -1).length - 1;
        }

        String header(String name) {
            for (String line : text.split("\r\n")) {
                if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
                    return line.substring(name.length() + 1).trim();
                }
                if (line.isEmpty()) {
                    break;
                }
            }
            return null;
        }

        String body() {
            int start = text.indexOf("\r\n\r\n");
            return start < 0 ? "" : text.substring(start + 4);
        }
    }

    private RawHttp() {
    }

    static Exchange send(String request) {
        return send(request, 1500);
    }

    /** Sends the request and reads until the gateway closes or stays silent for {@code quietMillis}. */
    static Exchange send(String request, int quietMillis) {
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout(quietMillis);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            ByteArrayOutputStream read = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            boolean closed = false;
            // a stream (the trend stream) never goes quiet: stop at a deadline or a size, as a client would
            long deadline = System.nanoTime() + quietMillis * 1_000_000L;
            try {
                for (int n = in.read(buffer); ; n = in.read(buffer)) {
                    if (n < 0) {
                        closed = true;
                        break;
                    }
                    read.write(buffer, 0, n);
                    if (read.size() > 256 * 1024 || System.nanoTime() > deadline) {
                        break;
                    }
                }
            } catch (SocketTimeoutException quiet) {
                closed = false;
            } catch (IOException reset) {
                closed = true;
            }
            return new Exchange(read.toString(StandardCharsets.ISO_8859_1), closed);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One request: the target as given, the headers, a Connection: close so that the read ends at once. */
    static Exchange request(String method, String target, String token) {
        String auth = token == null ? "" : "Authorization: Bearer " + token + "\r\n";
        String body = method.equals("POST") ? "{\"observations\":[]}" : "";
        String length = method.equals("POST") ? "Content-Type: application/json\r\nContent-Length: " + body.length() + "\r\n" : "";
        return send(method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + auth + length
                + "Connection: close\r\n\r\n" + body, 2000);
    }
}
