package io.vigil.ingestion;

import io.vigil.testkit.HttpProbe;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/** Sends raw requests (any headers, any bytes) to the service as an alert source would. */
final class IntakeClient {

    /** Headers the JDK client sets itself and refuses to take from a caller. */
    private static final Set<String> RESTRICTED = Set.of("content-length", "connection", "host", "expect", "upgrade");

    private final String baseUrl;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    IntakeClient(int port) {
        this.baseUrl = "http://localhost:" + port;
    }

    HttpProbe.Response post(String pathAndQuery, Map<String, String> headers, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach((name, value) -> {
            if (!RESTRICTED.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                request.header(name, value);
            }
        });
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new HttpProbe.Response(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    HttpProbe.Response get(String pathAndQuery) {
        return new HttpProbe(baseUrl).get(pathAndQuery);
    }

    /** A GET as an API client with {@code apiToken}, e.g. {@code TestTokens.VIEWER}. */
    HttpProbe.Response get(String pathAndQuery, String apiToken) {
        return new HttpProbe(baseUrl).withToken(apiToken).get(pathAndQuery);
    }

    HttpProbe.Response postJson(String pathAndQuery, String bearerKey, String json) {
        return post(pathAndQuery, bearerKey == null ? Map.of("Content-Type", "application/json")
                : Map.of("Content-Type", "application/json", "Authorization", "Bearer " + bearerKey),
                json.getBytes(StandardCharsets.UTF_8));
    }
}
