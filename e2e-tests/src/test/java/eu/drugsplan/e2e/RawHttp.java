package eu.drugsplan.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * HTTP/1.1 written byte by byte over a socket, one request per connection. Java's clients (and every other
 * client) normalise paths, refuse odd header values and pick the framing themselves; a generated request must
 * reach the gateway exactly as generated, so it is written here as it is.
 */
final class RawHttp {

    private static final int READ_TIMEOUT_MILLIS = 30_000;

    private final String host;
    private final int port;

    RawHttp(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** One request as it goes on the wire: the request target exactly as written, headers in order. */
    record Request(String method, String target, List<Map.Entry<String, String>> headers, byte[] body) {

        static Request of(String method, String target) {
            return new Request(method, target, List.of(), null);
        }

        Request header(String name, String value) {
            List<Map.Entry<String, String>> more = new ArrayList<>(headers);
            more.add(Map.entry(name, value));
            return new Request(method, target, more, body);
        }

        Request bearer(String token) {
            return token == null ? this : header("Authorization", "Bearer " + token);
        }

        Request body(String contentType, byte[] bytes) {
            Request typed = contentType == null ? this : header("Content-Type", contentType);
            return new Request(method, target, typed.headers, bytes);
        }

        @Override
        public String toString() {
            String shown = body == null ? "" : " + " + body.length + " body bytes: "
                    + abbreviate(new String(body, StandardCharsets.UTF_8), 600);
            return method + " " + target + " " + headers.stream()
                    .map(h -> h.getKey() + ": " + abbreviate(h.getValue(), 80)).toList() + shown;
        }
    }

    record Answer(int status, Map<String, List<String>> headers, byte[] body) {

        Optional<String> header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
        }

        String contentType() {
            return header("Content-Type").orElse("");
        }

        /**
         * The body as text, decoded from its content coding as any HTTP client does: a generated request may ask for
         * gzip, and the checks on the text (no stack trace, an SDMX error message) must read what a client reads.
         */
        String text() {
            String coding = header("Content-Encoding").orElse("identity").trim().toLowerCase(Locale.ROOT);
            try {
                byte[] decoded = switch (coding) {
                    case "gzip" -> new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(body)).readAllBytes();
                    case "deflate" -> new java.util.zip.InflaterInputStream(new java.io.ByteArrayInputStream(body))
                            .readAllBytes();
                    default -> body;
                };
                return new String(decoded, StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                return "(a body that is not valid " + coding + ": " + e.getMessage() + ")";
            }
        }

        @Override
        public String toString() {
            return status + " " + contentType() + " " + abbreviate(text(), 1500);
        }
    }

    /** Sends the request and reads the whole answer (the head only for an event stream). */
    Answer send(Request request) throws IOException {
        return exchange(request, false);
    }

    /** Sends the request and reads only the status line and the headers. */
    Answer head(Request request) throws IOException {
        return exchange(request, true);
    }

    private Answer exchange(Request request, boolean headOnly) throws IOException {
        try (Socket socket = new Socket()) {
            // a large send buffer: a body the gateway refuses unread (413) must not block the writer for ever
            socket.setSendBufferSize(4 << 20);
            socket.connect(new java.net.InetSocketAddress(host, port), 5_000);
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            write(socket.getOutputStream(), request);
            InputStream in = socket.getInputStream();
            Answer head = readHead(in);
            if (headOnly || !hasBody(request, head)) {
                return head;
            }
            return new Answer(head.status(), head.headers(), readBody(in, head));
        }
    }

    private void write(OutputStream out, Request request) throws IOException {
        StringBuilder head = new StringBuilder(request.method()).append(' ').append(request.target())
                .append(" HTTP/1.1\r\nHost: ").append(host).append(':').append(port).append("\r\nConnection: close\r\n");
        boolean framed = false;
        for (Map.Entry<String, String> header : request.headers()) {
            head.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n");
            String name = header.getKey().toLowerCase(Locale.ROOT);
            framed |= name.equals("content-length") || name.equals("transfer-encoding");
        }
        if (request.body() != null && !framed) {
            head.append("Content-Length: ").append(request.body().length).append("\r\n");
        }
        out.write(head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
        try {
            if (request.body() != null) {
                out.write(request.body());
            }
            out.flush();
        } catch (IOException answeredEarly) {
            // the gateway may answer (413, 401) and close before the body is written; its answer is what counts
        }
    }

    private static boolean hasBody(Request request, Answer head) {
        int status = head.status();
        return !request.method().equals("HEAD") && status >= 200 && status != 204 && status != 304
                && !head.contentType().startsWith("text/event-stream");
    }

    private static Answer readHead(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int next = in.read();
            if (next < 0) {
                throw new IOException("connection closed before the end of the head: "
                        + bytes.toString(StandardCharsets.ISO_8859_1));
            }
            bytes.write(next);
            matched = next == "\r\n\r\n".charAt(matched) ? matched + 1 : next == '\r' ? 1 : 0;
        }
        String[] lines = bytes.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, List<String>> headers = new java.util.LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(lines[i].substring(colon + 1).trim());
            }
        }
        return new Answer(status, headers, new byte[0]);
    }

    private static byte[] readBody(InputStream in, Answer head) throws IOException {
        if (head.header("Transfer-Encoding").map(v -> v.toLowerCase(Locale.ROOT).contains("chunked")).orElse(false)) {
            return readChunked(in);
        }
        Optional<String> length = head.header("Content-Length");
        if (length.isPresent()) {
            return in.readNBytes(Integer.parseInt(length.get()));
        }
        try {
            return in.readAllBytes();
        } catch (SocketTimeoutException open) {
            throw new IOException("an answer without framing that did not end in " + READ_TIMEOUT_MILLIS + " ms", open);
        }
    }

    private static byte[] readChunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine(in);
            int semicolon = sizeLine.indexOf(';');
            int size = Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
            if (size == 0) {
                while (!readLine(in).isEmpty()) {
                    // trailers are not needed
                }
                return body.toByteArray();
            }
            body.write(in.readNBytes(size));
            readLine(in);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int next;
        while ((next = in.read()) >= 0 && next != '\n') {
            if (next != '\r') {
                line.write(next);
            }
        }
        if (next < 0 && line.size() == 0) {
            throw new IOException("connection closed inside a chunked body");
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    /** The text cut to {@code max} characters, control characters and lone surrogates shown as escapes. */
    static String abbreviate(String text, int max) {
        StringBuilder visible = new StringBuilder();
        for (int i = 0; i < text.length() && visible.length() < max; i++) {
            char c = text.charAt(i);
            boolean hidden = c < 0x20 && c != '\n' || c >= 0x7F && c <= 0x9F || Character.isSurrogate(c);
            visible.append(hidden ? String.format("\\u%04X", (int) c) : String.valueOf(c));
        }
        return text.length() <= max ? visible.toString() : visible + "... (" + text.length() + " chars)";
    }
}
