package io.vigil.incident.statuspage;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The public status page, under {@code vigil.status-page}.
 *
 * @param id          the page's id in the JSON summary and the Atom feed; keep it once subscribers use it
 * @param name        the page's title ("Acme status")
 * @param url         where the public reaches the page (its {@code /status} address behind any proxy); links in
 *                    the feed, the JSON summary and subscriber notices start from it
 * @param timeZone    the time zone the page shows times in
 * @param historyDays how many days of resolved incidents and completed maintenances the page and feed show
 */
@ConfigurationProperties("vigil.status-page")
@Validated
public record StatusPageProperties(
        @NotBlank @DefaultValue("vigil") String id,
        @NotBlank @DefaultValue("Vigil status") String name,
        @NotBlank @DefaultValue("http://localhost:8082/status") String url,
        @NotNull @DefaultValue("UTC") ZoneId timeZone,
        @Min(1) @DefaultValue("14") int historyDays) {

    /** The page's address without a trailing slash, for links below it. */
    public String base() {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
