package io.vigil.incident.review.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.incident.incident.domain.Severity;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReviewDocumentTest {

    private static final Instant OPENED = Instant.parse("2026-11-20T10:00:00Z");

    @Test
    void theMarkdownHasEverySectionTheImpactTableTheTimelineAndTheActionItems() {
        Review review = Review.draftFrom(UUID.randomUUID(), new IncidentFacts(UUID.randomUUID(), 7, "Login | errors",
                "auth", Severity.SEV1, OPENED, OPENED.plusSeconds(2700)), List.of(
                new TimelineLine(OPENED, "opened", "Opened by alert LoginErrors", "alert source"),
                new TimelineLine(OPENED.plusSeconds(60), "acknowledged", "Acknowledged by the incident commander",
                        "incident commander")), OPENED.plusSeconds(3600))
                .edit(new Findings(null, "Expired certificate", null, null, null, "Alert on expiry"), null,
                        "all EU users", OPENED.plusSeconds(3600));
        ActionItem item = ActionItem.open(UUID.randomUUID(), review.id(), "Automate certificate renewal",
                Priority.P0, "alice", LocalDate.parse("2026-12-01"), OPENED);

        String md = ReviewDocument.markdown(review, List.of(item), ZoneOffset.UTC);

        assertThat(md).startsWith("# Post-incident review: #7 Login | errors\n")
                .contains("## Summary\n\nSEV1 incident #7 on auth")
                .contains("## Impact\n\n| | |\n|---|---|\n")
                .contains("| **Duration** | 45m |")
                .contains("| **Customers affected** | all EU users |")
                .contains("## Timeline\n\n- **2026-11-20 10:00:00 Z** Opened by alert LoginErrors _(alert source)_\n"
                        + "- **2026-11-20 10:01:00 Z** Acknowledged by the incident commander _(incident commander)_")
                .contains("## Root causes\n\nExpired certificate")
                .contains("## Contributing factors\n\n_Not written yet._")
                .contains("## What went well").contains("## What went badly")
                .contains("## Lessons\n\nAlert on expiry")
                .contains("| Priority | Action | Owner | Due | Status |")
                .contains("| P0 | Automate certificate renewal | alice | 2026-12-01 | open |");
        assertThat(md).contains("| **Incident** | #7 |");
    }
}
