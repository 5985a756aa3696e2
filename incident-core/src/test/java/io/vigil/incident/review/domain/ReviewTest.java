package io.vigil.incident.review.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.incident.incident.domain.Severity;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReviewTest {

    private static final Instant OPENED = Instant.parse("2026-11-20T10:00:00Z");
    private static final Instant RESOLVED = OPENED.plus(Duration.ofMinutes(65));
    private static final Instant NOW = RESOLVED.plus(Duration.ofHours(1));

    private final Review draft = Review.draftFrom(UUID.randomUUID(), new IncidentFacts(UUID.randomUUID(), 42,
            "Checkout latency", "checkout", Severity.SEV2, OPENED, RESOLVED), List.of(), NOW);

    @Test
    void aDraftIsPrefilledWithSummaryAndImpactFromTheIncident() {
        assertThat(draft.state()).isEqualTo(ReviewState.DRAFT);
        assertThat(draft.findings().summary()).isEqualTo("SEV2 incident #42 on checkout: Checkout latency. It lasted 1h 5m.");
        assertThat(draft.impact().duration()).isEqualTo(Duration.ofMinutes(65));
        assertThat(draft.impact().servicesAffected()).containsExactly("checkout");
        assertThat(draft.impact().customersAffected()).isNull();
    }

    @Test
    void aReviewGoesFromDraftToInReviewToPublished() {
        Review inReview = draft.moveTo(ReviewState.IN_REVIEW, List.of(), PublishRule.p0AndP1(), NOW);
        Review published = inReview.moveTo(ReviewState.PUBLISHED, List.of(), PublishRule.p0AndP1(), NOW.plusSeconds(5));

        assertThat(inReview.state()).isEqualTo(ReviewState.IN_REVIEW);
        assertThat(published.state()).isEqualTo(ReviewState.PUBLISHED);
        assertThat(published.publishedAt()).isEqualTo(NOW.plusSeconds(5));
    }

    @Test
    void aReviewInReviewCanGoBackToDraftButADraftCannotBePublishedDirectly() {
        Review backToDraft = draft.moveTo(ReviewState.IN_REVIEW, List.of(), PublishRule.p0AndP1(), NOW)
                .moveTo(ReviewState.DRAFT, List.of(), PublishRule.p0AndP1(), NOW);

        assertThat(backToDraft.state()).isEqualTo(ReviewState.DRAFT);
        assertThatThrownBy(() -> draft.moveTo(ReviewState.PUBLISHED, List.of(), PublishRule.p0AndP1(), NOW))
                .isInstanceOfSatisfying(IllegalReviewTransition.class, refused -> {
                    assertThat(refused.current()).isEqualTo(ReviewState.DRAFT);
                    assertThat(refused.allowed()).containsExactly(ReviewState.IN_REVIEW);
                })
                .hasMessageContaining("cannot become published");
    }

    @Test
    void aPublishedReviewIsFinalAndCannotBeEdited() {
        Review published = draft.moveTo(ReviewState.IN_REVIEW, List.of(), PublishRule.p0AndP1(), NOW)
                .moveTo(ReviewState.PUBLISHED, List.of(), PublishRule.p0AndP1(), NOW);

        assertThatThrownBy(() -> published.moveTo(ReviewState.DRAFT, List.of(), PublishRule.p0AndP1(), NOW))
                .isInstanceOf(IllegalReviewTransition.class).hasMessageContaining("it is final");
        assertThatThrownBy(() -> published.edit(new Findings(null, "late", null, null, null, null), null, null, NOW))
                .isInstanceOf(IllegalReviewTransition.class).hasMessageContaining("cannot be edited");
    }

    @Test
    void editingReplacesOnlyTheFieldsGiven() {
        Review edited = draft.edit(new Findings(null, "A bad config push", null, "Fast rollback", null, null),
                List.of("checkout", "payments"), "about 1,200 checkouts failed", NOW.plusSeconds(60));

        assertThat(edited.findings().summary()).isEqualTo(draft.findings().summary());
        assertThat(edited.findings().rootCauses()).isEqualTo("A bad config push");
        assertThat(edited.findings().wentWell()).isEqualTo("Fast rollback");
        assertThat(edited.impact().servicesAffected()).containsExactly("checkout", "payments");
        assertThat(edited.impact().customersAffected()).isEqualTo("about 1,200 checkouts failed");
        assertThat(edited.impact().duration()).isEqualTo(Duration.ofMinutes(65));
        assertThat(edited.updatedAt()).isEqualTo(NOW.plusSeconds(60));
    }

    @Test
    void openP0AndP1ItemsBlockPublishingAndAreNamedMostUrgentFirst() {
        Review inReview = draft.moveTo(ReviewState.IN_REVIEW, List.of(), PublishRule.p0AndP1(), NOW);
        ActionItem p1 = item(Priority.P1, ActionItemStatus.OPEN, NOW);
        ActionItem p0 = item(Priority.P0, ActionItemStatus.OPEN, NOW.plusSeconds(1));
        ActionItem p2 = item(Priority.P2, ActionItemStatus.OPEN, NOW);
        ActionItem doneP0 = item(Priority.P0, ActionItemStatus.DONE, NOW);

        assertThatThrownBy(() -> inReview.moveTo(ReviewState.PUBLISHED, List.of(p1, p0, p2, doneP0),
                PublishRule.p0AndP1(), NOW))
                .isInstanceOfSatisfying(PublicationBlocked.class,
                        blocked -> assertThat(blocked.openItems()).containsExactly(p0, p1));
        assertThat(inReview.moveTo(ReviewState.PUBLISHED, List.of(p2, doneP0), PublishRule.p0AndP1(), NOW).state())
                .isEqualTo(ReviewState.PUBLISHED);
    }

    @Test
    void theRuleIsConfigurable() {
        ActionItem p1 = item(Priority.P1, ActionItemStatus.OPEN, NOW);
        ActionItem p2 = item(Priority.P2, ActionItemStatus.OPEN, NOW);
        ActionItem cancelledP2 = item(Priority.P2, ActionItemStatus.CANCELLED, NOW);

        assertThat(new PublishRule(EnumSet.noneOf(Priority.class)).blockers(List.of(p1, p2))).isEmpty();
        assertThat(new PublishRule(EnumSet.of(Priority.P2)).blockers(List.of(p1, p2, cancelledP2)))
                .containsExactly(p2);
    }

    private ActionItem item(Priority priority, ActionItemStatus status, Instant created) {
        return new ActionItem(UUID.randomUUID(), draft.id(), priority + " work", priority, "alice",
                LocalDate.parse("2026-11-30"), status, created, status.closed() ? created : null, null);
    }
}
