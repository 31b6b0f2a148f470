package eu.drugsplan.loader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The bearer tokens the loader posts and releases with: from a tokens file (a reporter's code, or reviewer.BODY
 * for a reviewing body), else from a command run once per code ({reporter} or {body} replaced by it).
 */
final class Tokens {

    private Tokens() {
    }

    /** A submitter token per reporter. */
    static Function<String, String> reporters(DatasetLoader.Options options) throws IOException {
        return of(options.tokensFile(), "", options.tokenCommand(), "{reporter}");
    }

    /** A reviewer token per reviewing body. */
    static Function<String, String> reviewers(DatasetLoader.Options options) throws IOException {
        return of(options.tokensFile(), "reviewer.", options.reviewTokenCommand(), "{body}");
    }

    private static Function<String, String> of(Path file, String prefix, String command, String placeholder)
            throws IOException {
        if (file != null) {
            Properties tokens = new Properties();
            try (InputStream in = Files.newInputStream(file)) {
                tokens.load(in);
            }
            return code -> {
                String token = tokens.getProperty(prefix + code);
                if (token == null) {
                    throw new IllegalStateException("no token " + prefix + code + " in " + file);
                }
                return token;
            };
        }
        Map<String, String> cache = new ConcurrentHashMap<>();
        return code -> cache.computeIfAbsent(code, c -> run(command, placeholder, c));
    }

    private static String run(String command, String placeholder, String code) {
        try {
            Process process = new ProcessBuilder("bash", "-c", command.replace(placeholder, code))
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String token = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (process.waitFor() != 0 || token.isEmpty()) {
                throw new IllegalStateException("the token command failed for " + placeholder + " " + code);
            }
            return token;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run the token command: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
