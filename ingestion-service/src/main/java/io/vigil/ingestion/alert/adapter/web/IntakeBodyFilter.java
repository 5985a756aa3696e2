package io.vigil.ingestion.alert.adapter.web;

import io.vigil.ingestion.alert.IngestionProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Holds the body of every request to an intake door to {@code vigil.ingestion.max-body-size} before any
 * parser sees it: a larger body is refused with 413 (in PagerDuty's shape on PagerDuty's paths) without
 * being read further, whether or not it announced its length. Also measures the payload size.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class IntakeBodyFilter extends OncePerRequestFilter {

    /** Intake paths and the source name their metrics carry. */
    private static final Map<String, String> DOORS = Map.of(
            "/v2/enqueue", "pagerduty",
            "/v2/change/enqueue", "pagerduty",
            "/api/v1/integrations/alertmanager", "alertmanager",
            "/v1/alerts", "generic",
            "/v1/cloudevents", "cloudevents",
            "/v1/heartbeats/", "heartbeat");

    private final IngestionProperties properties;
    private final IntakeMetrics metrics;

    IntakeBodyFilter(IngestionProperties properties, IntakeMetrics metrics) {
        this.properties = properties;
        this.metrics = metrics;
    }

    /** The metrics' source name of an intake path, or {@code null} when the path is no door. */
    static String sourceOf(String path) {
        for (Map.Entry<String, String> door : DOORS.entrySet()) {
            if (door.getKey().endsWith("/") ? path.startsWith(door.getKey()) : path.equals(door.getKey())) {
                return door.getValue();
            }
        }
        return null;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || sourceOf(request.getRequestURI()) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String source = sourceOf(request.getRequestURI());
        long limit = properties.maxBodySize().toBytes();
        if (request.getContentLengthLong() > limit) {
            tooLarge(request, response, source);
            return;
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        }
        if (body.length > limit) {
            tooLarge(request, response, source);
            return;
        }
        metrics.payload(source, body.length);
        if (!"cloudevents".equals(source) && !isUtf8(body)) {
            refuse(request, response, source, HttpStatus.BAD_REQUEST, "Request body not UTF-8",
                    "The request body is not valid UTF-8", "'body' is not valid UTF-8");
            return;
        }
        long started = System.nanoTime();
        try {
            chain.doFilter(new BufferedBodyRequest(request, body), response);
        } finally {
            metrics.latency(source, java.time.Duration.ofNanos(System.nanoTime() - started));
            Object events = request.getAttribute(EVENT_COUNT);
            metrics.events(source, outcomeOf(response.getStatus()), events instanceof Integer n ? n : 1);
        }
    }

    /** Request attribute a door sets when one request carried several events (an Alertmanager group). */
    public static final String EVENT_COUNT = IntakeBodyFilter.class.getName() + ".events";

    private static IntakeMetrics.Outcome outcomeOf(int status) {
        if (status < 300) {
            return IntakeMetrics.Outcome.ACCEPTED;
        }
        if (status == 401 || status == 403) {
            return IntakeMetrics.Outcome.UNAUTHORIZED;
        }
        if (status == 429) {
            return IntakeMetrics.Outcome.RATE_LIMITED;
        }
        return status >= 500 ? IntakeMetrics.Outcome.UNAVAILABLE : IntakeMetrics.Outcome.INVALID;
    }

    private void tooLarge(HttpServletRequest request, HttpServletResponse response, String source)
            throws IOException {
        String limit = properties.maxBodySize().toKilobytes() + " KB";
        response.setHeader("Connection", "close");
        refuse(request, response, source, HttpStatus.CONTENT_TOO_LARGE, "Request body too large",
                "The request body is larger than " + limit, "'body' is larger than " + limit);
    }

    /** Answers before any parser runs: in PagerDuty's shape on PagerDuty's paths, a problem elsewhere. */
    private void refuse(HttpServletRequest request, HttpServletResponse response, String source, HttpStatus status,
            String title, String pagerDutyError, String problem) throws IOException {
        metrics.events(source, IntakeMetrics.Outcome.INVALID, 1);
        response.setStatus(status.value());
        response.setCharacterEncoding(StandardCharsets.UTF_8);
        if (request.getRequestURI().startsWith("/v2/")) {
            response.setContentType("application/json");
            response.getWriter().write("""
                    {"status":"invalid event","message":"Event object is invalid","errors":["%s"]}"""
                    .formatted(pagerDutyError));
        } else {
            response.setContentType("application/problem+json");
            response.getWriter().write("""
                    {"type":"about:blank","title":"%s","status":%d,"detail":"Invalid request: %s","instance":"%s"}"""
                    .formatted(title, status.value(), problem, request.getRequestURI().replace("\"", "")));
        }
    }

    private static boolean isUtf8(byte[] body) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** The request with its body already read into memory. */
    private static final class BufferedBodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        BufferedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is already in memory");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
