package eu.drugsplan.submissions.rest;

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

/**
 * A request body copied to a temporary file as it streams in, never held in memory: while copying, its
 * SHA-256 (for Idempotency-Key) and its line count (to choose asynchronous processing) are taken. The file
 * outlives the request when the rows are processed after a 202.
 */
public record SpooledBody(Path file, String sha256, long lines) {

    private static final int BUFFER = 1 << 16;

    public static SpooledBody spool(InputStream body, Path directory, String mediaType) {
        Path file = null;
        try {
            Files.createDirectories(directory);
            file = Files.createTempFile(directory, "submission-", ".body");
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((mediaType + "\n").getBytes(StandardCharsets.UTF_8));
            long lines = 0;
            try (InputStream in = body; OutputStream out = Files.newOutputStream(file)) {
                byte[] buffer = new byte[BUFFER];
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    digest.update(buffer, 0, read);
                    out.write(buffer, 0, read);
                    lines += newlines(buffer, read);
                }
            }
            return new SpooledBody(file, HexFormat.of().formatHex(digest.digest()), lines);
        } catch (IOException e) {
            delete(file);
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            delete(file);
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
