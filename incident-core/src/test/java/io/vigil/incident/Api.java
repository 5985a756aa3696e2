package io.vigil.incident;

import io.vigil.testkit.TestTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The incident API as a client sees it, with PATCH that {@code HttpProbe} lacks. A change is made by the person
 * named as its actor, with their own API token ({@link TestTokens#of}); reads and changes without an actor use
 * the admin token.
 */
final class Api {

    /** One answer: status, headers and the body read as JSON (null when empty). */
    record Answer(int status, HttpResponse<String> raw, JsonNode json) {

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    Api(int port) {
        this.base = "http://localhost:" + port;
    }

    /** A body that is not JSON, such as the Prometheus page. */
    String text(String path) {
        try {
            return client.send(HttpRequest.newBuilder(URI.create(base + path))
                            .header("Authorization", TestTokens.bearer(TestTokens.ADMIN)).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    Answer get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", TestTokens.bearer(TestTokens.ADMIN)).GET());
    }

    Answer post(String path, String actor, String json) {
        return send(request(path, actor).POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Answer post(String path, String actor) {
        return send(request(path, actor).POST(HttpRequest.BodyPublishers.noBody()));
    }

    Answer put(String path, String actor, String json) {
        return send(request(path, actor).PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    Answer delete(String path, String actor) {
        return send(request(path, actor).DELETE());
    }

    Answer patch(String path, String actor, String json) {
        return send(request(path, actor).method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A request made by {@code actor} with their own responder token, or with the admin token when null. */
    private HttpRequest.Builder request(String path, String actor) {
        return HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .header("Authorization", TestTokens.bearer(actor == null ? TestTokens.ADMIN : TestTokens.of(actor)));
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode json = response.body().isBlank() ? null : JSON.readTree(response.body());
            return new Answer(response.statusCode(), response, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
