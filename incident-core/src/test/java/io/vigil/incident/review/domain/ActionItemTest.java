package io.vigil.incident.review.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ActionItemTest {

    private static final Instant CREATED = Instant.parse("2026-11-01T09:00:00Z");

    private final ActionItem item = ActionItem.open(UUID.randomUUID(), UUID.randomUUID(), "Add a canary", Priority.P1,
            "alice", LocalDate.parse("2026-11-20"), CREATED);

    @Test
    void anItemIsOverdueFromTheStartOfTheDayAfterItsDueDate() {
        assertThat(item.overdueAt(Instant.parse("2026-11-20T23:59:59Z"), ZoneOffset.UTC)).isFalse();
        assertThat(item.overdueAt(Instant.parse("2026-11-21T00:00:00Z"), ZoneOffset.UTC)).isTrue();
        assertThat(item.dueAt(ZoneId.of("Europe/Berlin"))).isEqualTo(Instant.parse("2026-11-20T23:00:00Z"));
    }

    @Test
    void aClosedItemOrOneWithoutDueDateIsNeverOverdue() {
        Instant late = Instant.parse("2027-01-01T00:00:00Z");
        assertThat(item.change(null, null, null, null, ActionItemStatus.DONE, late).overdueAt(late, ZoneOffset.UTC))
                .isFalse();
        assertThat(ActionItem.open(UUID.randomUUID(), UUID.randomUUID(), "x", Priority.P3, "bob", null, CREATED)
                .overdueAt(late, ZoneOffset.UTC)).isFalse();
    }

    @Test
    void closingStampsTheTimeAndReopeningClearsIt() {
        Instant done = Instant.parse("2026-11-10T12:00:00Z");
        ActionItem closed = item.change(null, null, null, null, ActionItemStatus.DONE, done);
        ActionItem stillClosed = closed.change("Add two canaries", null, null, null, ActionItemStatus.CANCELLED,
                done.plusSeconds(60));
        ActionItem reopened = closed.change(null, null, null, null, ActionItemStatus.OPEN, done.plusSeconds(120));

        assertThat(closed.closedAt()).isEqualTo(done);
        assertThat(stillClosed.closedAt()).isEqualTo(done);
        assertThat(stillClosed.title()).isEqualTo("Add two canaries");
        assertThat(reopened.closedAt()).isNull();
        assertThat(reopened.status()).isEqualTo(ActionItemStatus.OPEN);
    }

    @Test
    void remindingRemembersTheDueDateSoAMovedDateRemindsAgain() {
        ActionItem reminded = item.reminded();
        ActionItem moved = reminded.change(null, null, null, LocalDate.parse("2026-11-25"), null, CREATED);

        assertThat(reminded.remindedFor()).isEqualTo(reminded.dueDate());
        assertThat(moved.remindedFor()).isNotEqualTo(moved.dueDate());
    }
}
