package io.vigil.incident.statuspage.adapter.web;

import io.vigil.incident.statuspage.StatusPageProperties;
import io.vigil.incident.statuspage.application.NoticeFormat;
import io.vigil.incident.statuspage.application.StatusPage;
import io.vigil.incident.statuspage.domain.Kind;
import io.vigil.incident.statuspage.domain.PublicIncident;
import io.vigil.incident.statuspage.domain.PublicUpdate;
import io.vigil.incident.statuspage.domain.StatusComponent;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * A subscriber's notice: a plain-text e-mail that reads like the page, and for webhooks the incident document of
 * the JSON summary with the page's status around it (the shape of Atlassian Statuspage's incident webhooks).
 */
@Component
class JsonNoticeFormat implements NoticeFormat {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final StatusPageProperties properties;
    private final PublicDocuments documents;
    private final Times times;

    JsonNoticeFormat(StatusPageProperties properties) {
        this.properties = properties;
        this.documents = new PublicDocuments(properties);
        this.times = new Times(properties.timeZone());
    }

    @Override
    public Notice of(PublicIncident incident, PublicUpdate update, StatusPage page) {
        String subject = "[%s] %s%s: %s".formatted(properties.name(),
                incident.kind() == Kind.MAINTENANCE ? "Maintenance: " : "", incident.name(), update.status().text());
        List<String> affected = page.components().stream().filter(c -> incident.componentIds().contains(c.id()))
                .map(c -> c.name() + " (" + c.status().text().toLowerCase(java.util.Locale.ROOT) + ")").toList();
        StringBuilder text = new StringBuilder()
                .append(incident.name()).append("\n\n")
                .append(update.status().text()).append(": ").append(update.body()).append("\n")
                .append("Posted ").append(times.text(update.createdAt())).append("\n");
        if (incident.kind() == Kind.MAINTENANCE) {
            text.append("Scheduled ").append(times.text(incident.scheduledFor())).append(" to ")
                    .append(times.text(incident.scheduledUntil())).append("\n");
        }
        if (!affected.isEmpty()) {
            text.append("Affected: ").append(String.join(", ", affected)).append("\n");
        }
        text.append("Overall: ").append(page.indicator().description()).append("\n\n")
                .append(documents.shortlink(incident)).append("\n");
        return new Notice(subject, text.toString(), JSON.writeValueAsString(documents.notice(page, incident)));
    }
}
