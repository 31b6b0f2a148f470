package eu.drugsplan.submissions.rest;

import eu.drugsplan.common.rest.Problems;
import eu.drugsplan.common.rest.ProblemException;
import jakarta.ws.rs.core.Response;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.ZipException;

/**
 * A request body copied to a temporary file as it streams in, never held in memory: while copying, it is
 * decoded (gzip), its expanded size is held to the body limit, and its SHA-256 (for Idempotency-Key, over the
 * declared media type and the expanded bytes, so the same data compressed or not is the same body) and its line
 * count (to choose asynchronous processing) are taken. The file outlives the request when the rows are
 * processed after a 202; a body refused while copying leaves no file.
 */
public record SpooledBody(Path file, String sha256, long lines) {

    private static final int BUFFER = 1 << 16;

    /** How a body is read: its coding, where it is spooled, what its hash starts with, its largest expanded size. */
    record Spooling(ContentCoding coding, Path directory, String mediaType, long maxBytes) {
    }

    public static SpooledBody spool(InputStream body, Spooling spooling) {
        Path file = null;
        try {
            Files.createDirectories(spooling.directory());
            file = Files.createTempFile(spooling.directory(), "submission-", ".body");
            return copy(body, file, spooling);
        } catch (ZipException | EOFException e) {
            delete(file);
            throw new ProblemException(Problems.of(Response.Status.BAD_REQUEST, "unreadable-body",
                    "The body is not a complete gzip stream (" + e.getMessage() + "). Nothing was stored."));
        } catch (IOException e) {
            delete(file);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            delete(file);
            throw e;
        }
    }

    private static SpooledBody copy(InputStream body, Path file, Spooling spooling) throws IOException {
        MessageDigest digest = newDigest();
        digest.update((spooling.mediaType() + "\n").getBytes(StandardCharsets.UTF_8));
        long lines = 0;
        long size = 0;
        try (InputStream in = spooling.coding().decode(body); OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[BUFFER];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                size += read;
                if (size > spooling.maxBytes()) {
                    throw tooLarge(spooling.maxBytes());
                }
                digest.update(buffer, 0, read);
                out.write(buffer, 0, read);
                lines += newlines(buffer, read);
            }
        } finally {
            body.close();
        }
        return new SpooledBody(file, HexFormat.of().formatHex(digest.digest()), lines);
    }

    /** Only a compressed body can get here: the HTTP layer refuses a plain one past the same limit first. */
    private static ProblemException tooLarge(long maxBytes) {
        return new ProblemException(Problems.of(Response.Status.REQUEST_ENTITY_TOO_LARGE, "body-too-large",
                "The body expands past " + maxBytes + " bytes, the largest a submission may be (compressed or not)."
                        + " Split it into several submissions. Nothing was stored."));
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public void delete() {
        delete(file);
    }

    private static void delete(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a leftover temp file is harmless; the next start of the JVM's temp cleaning removes it
        }
    }

    private static int newlines(byte[] buffer, int length) {
        int count = 0;
        for (int i = 0; i < length; i++) {
            if (buffer[i] == '\n') {
                count++;
            }
        }
        return count;
    }
}
