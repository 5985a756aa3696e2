package io.vigil.incident.statuspage.adapter.web;

import io.vigil.incident.statuspage.StatusPageProperties;
import io.vigil.incident.statuspage.application.ReadStatusPage;
import io.vigil.incident.statuspage.application.StatusPage;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public status page, open without a token ({@code vigil.security.public-paths}): HTML for people, a JSON
 * summary for tools, an Atom feed for readers. Answers may be cached for a few seconds: during an outage this is
 * the page everybody reloads.
 */
@RestController
@RequestMapping("/status")
class PublicStatusController {

    static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");
    private static final MediaType HTML = MediaType.parseMediaType("text/html;charset=UTF-8");
    private static final CacheControl SHORT = CacheControl.maxAge(Duration.ofSeconds(10)).cachePublic();
    private static final int FEED_ENTRIES = 50;

    private final ReadStatusPage read;
    private final HtmlPages html;
    private final PublicDocuments documents;
    private final AtomFeed feed;

    PublicStatusController(ReadStatusPage read, StatusPageProperties properties) {
        this.read = read;
        this.html = new HtmlPages(properties);
        this.documents = new PublicDocuments(properties);
        this.feed = new AtomFeed(properties);
    }

    @GetMapping({"", "/"})
    ResponseEntity<String> page() {
        return ResponseEntity.ok().contentType(HTML).cacheControl(SHORT).body(html.page(read.now()));
    }

    @GetMapping("/incidents/{id}")
    ResponseEntity<String> incident(@PathVariable UUID id) {
        StatusPage page = read.now();
        return ResponseEntity.ok().contentType(HTML).cacheControl(SHORT).body(html.incident(read.incident(id), page));
    }

    @GetMapping("/api/v2/summary.json")
    ResponseEntity<Map<String, Object>> summary() {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).cacheControl(SHORT)
                .body(documents.summary(read.now()));
    }

    @GetMapping("/api/v2/status.json")
    ResponseEntity<Map<String, Object>> status() {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).cacheControl(SHORT)
                .body(documents.status(read.now()));
    }

    @GetMapping("/history.atom")
    ResponseEntity<String> history() {
        StatusPage page = read.now();
        return ResponseEntity.ok().contentType(ATOM).cacheControl(SHORT)
                .body(feed.write(read.latest(FEED_ENTRIES), page.at()));
    }
}
