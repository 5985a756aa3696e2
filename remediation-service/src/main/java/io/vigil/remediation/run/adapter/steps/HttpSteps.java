package io.vigil.remediation.run.adapter.steps;

import io.vigil.remediation.run.application.StepRunner;
import io.vigil.remediation.runbook.domain.Guardrails;
import io.vigil.remediation.runbook.domain.HttpCall;
import io.vigil.remediation.runbook.domain.PrometheusQuery;
import io.vigil.remediation.runbook.domain.Step;
import io.vigil.remediation.runbook.domain.Templates;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Makes the HTTP calls of checks and actions, and Prometheus instant queries. */
@Component
class HttpSteps {

    private static final int OUTPUT_LIMIT = 200;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final JsonMapper json = JsonMapper.builder().build();

    String describe(Step step, Map<String, String> values) {
        if (step.prometheus() != null) {
            PrometheusQuery query = step.prometheus();
            return "query %s at %s, expecting %s".formatted(Templates.render(query.query(), values), query.url(),
                    query.condition());
        }
        HttpCall http = step.http();
        String expectation = (http.expectStatus() == null ? "a 2xx status" : "status " + http.expectStatus())
                + (http.bodyContains() == null ? ""
                        : " and a body containing '" + Templates.render(http.bodyContains(), values) + "'");
        return "%s %s, expecting %s".formatted(http.method(), Templates.render(http.url(), values), expectation);
    }

    StepRunner.Result run(Step step, Map<String, String> values, Guardrails guardrails) {
        return step.prometheus() != null ? query(step, values, guardrails) : call(step, values, guardrails);
    }

    private StepRunner.Result call(Step step, Map<String, String> values, Guardrails guardrails) {
        HttpCall http = step.http();
        URI uri;
        try {
            uri = URI.create(Templates.render(http.url(), values));
        } catch (IllegalArgumentException e) {
            return new StepRunner.Result(false, "not a URL once filled in: " + e.getMessage());
        }
        if (!guardrails.allowsHost(uri.getHost())) {
            return new StepRunner.Result(false, "refused: host %s is not allow-listed".formatted(uri.getHost()));
        }
        String body = Templates.render(http.body(), values);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(step.timeout())
                .method(http.method(), body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        http.headers().forEach((name, value) -> request.header(name, Templates.render(value, values)));
        if (body != null && http.headers().keySet().stream().noneMatch("content-type"::equalsIgnoreCase)) {
            request.header("Content-Type", "application/json");
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            boolean ok = http.succeeded(response.statusCode(), response.body());
            return new StepRunner.Result(ok, "HTTP %d%s".formatted(response.statusCode(), excerpt(response.body())));
        } catch (HttpTimeoutException e) {
            return new StepRunner.Result(false, "no answer within " + step.timeout());
        } catch (IOException e) {
            return new StepRunner.Result(false, "call failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new StepRunner.Result(false, "interrupted");
        }
    }

    private StepRunner.Result query(Step step, Map<String, String> values, Guardrails guardrails) {
        PrometheusQuery query = step.prometheus();
        String promql = Templates.render(query.query(), values);
        URI uri;
        try {
            String base = query.url().endsWith("/") ? query.url() : query.url() + "/";
            uri = URI.create(base + "api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return new StepRunner.Result(false, "not a URL: " + e.getMessage());
        }
        if (!guardrails.allowsHost(uri.getHost())) {
            return new StepRunner.Result(false, "refused: host %s is not allow-listed".formatted(uri.getHost()));
        }
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri).timeout(step.timeout()).GET()
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return new StepRunner.Result(false, "Prometheus answered HTTP %d%s".formatted(response.statusCode(),
                        excerpt(response.body())));
            }
            JsonNode result = json.readTree(response.body()).path("data").path("result");
            if (!result.isArray() || result.isEmpty()) {
                return new StepRunner.Result(false, "the query returned no sample");
            }
            double value = Double.parseDouble(result.get(0).path("value").get(1).asString());
            boolean holds = query.condition().holds(value);
            return new StepRunner.Result(holds, "value %s, expected %s".formatted(value, query.condition()));
        } catch (HttpTimeoutException e) {
            return new StepRunner.Result(false, "no answer within " + step.timeout());
        } catch (IOException | JacksonException | NumberFormatException | NullPointerException e) {
            return new StepRunner.Result(false, "query failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new StepRunner.Result(false, "interrupted");
        }
    }

    private static String excerpt(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String flat = body.strip().replaceAll("\\s+", " ");
        return ": " + (flat.length() > OUTPUT_LIMIT ? flat.substring(0, OUTPUT_LIMIT) + "…" : flat);
    }
}
