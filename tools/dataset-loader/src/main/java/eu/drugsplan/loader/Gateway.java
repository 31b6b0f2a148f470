package eu.drugsplan.loader;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The suite's public API, through the gateway. */
final class Gateway {

    private static final int MAX_ATTEMPTS = 30;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper json;
    private final String baseUrl;

    Gateway(String baseUrl, ObjectMapper json) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.json = json;
    }

    JsonNode get(String path) throws IOException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Accept", "application/json").timeout(Duration.ofSeconds(60)).GET().build());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return json.readTree(response.body());
    }

    /** @return the import summary; a refusal of the whole request is an exception with the problem document */
    JsonNode submit(String token, Object body) throws IOException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/submissions"))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("Authorization", "Bearer " + token).timeout(Duration.ofMinutes(5))
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("POST /api/v1/submissions answered " + response.statusCode() + ": " + response.body());
        }
        return json.readTree(response.body());
    }

    /** Posts a file as it is (a spreadsheet) with the query; @return the import summary, as {@link #submit} */
    JsonNode submitFile(String token, java.nio.file.Path file, String contentType, String query) throws IOException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/submissions" + query))
                .header("Content-Type", contentType).header("Accept", "application/json")
                .header("Authorization", "Bearer " + token).timeout(Duration.ofMinutes(5))
                .POST(HttpRequest.BodyPublishers.ofFile(file)).build());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("POST " + file.getFileName() + " to /api/v1/submissions" + query + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return json.readTree(response.body());
    }

    /** A submission as its submitter or a reviewer sees it (GET /api/v1/submissions/{id}). */
    JsonNode submission(String token, String id) throws IOException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/submissions/" + id))
                .header("Accept", "application/json").header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(60)).GET().build());
        if (response.statusCode() != 200) {
            throw new IOException("GET /api/v1/submissions/" + id + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return json.readTree(response.body());
    }

    /** Releases a submission in review for the body of the reviewer's token; @return the submission */
    JsonNode release(String reviewerToken, String id) throws IOException {
        String path = "/api/v1/submissions/" + id + "/release";
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("Authorization", "Bearer " + reviewerToken).timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        if (response.statusCode() != 200) {
            throw new IOException("POST " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return json.readTree(response.body());
    }

    /** Sends a request; when the gateway's rate limit answers 429, waits as it says (Retry-After) and retries. */
    private HttpResponse<String> send(HttpRequest request) throws IOException {
        try {
            for (int attempt = 1; ; attempt++) {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 429 || attempt == MAX_ATTEMPTS) {
                    return response;
                }
                long seconds = response.headers().firstValue("Retry-After").map(Gateway::seconds).orElse(5L);
                Thread.sleep(Duration.ofSeconds(Math.max(1, seconds)).toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static long seconds(String retryAfter) {
        try {
            return Long.parseLong(retryAfter.trim());
        } catch (NumberFormatException httpDate) {
            return 5;
        }
    }
}
