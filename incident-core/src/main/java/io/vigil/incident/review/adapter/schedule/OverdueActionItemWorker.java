package io.vigil.incident.review.adapter.schedule;

import io.vigil.incident.review.ReviewProperties;
import io.vigil.incident.review.application.RemindOverdueOwners;
import io.vigil.starter.poll.PollingWorker;
import org.springframework.stereotype.Component;

/** Checks for overdue action items every {@code vigil.incident.reviews.reminder-check} and reminds their owners. */
@Component
class OverdueActionItemWorker extends PollingWorker {

    private final RemindOverdueOwners remindOverdueOwners;

    OverdueActionItemWorker(RemindOverdueOwners remindOverdueOwners, ReviewProperties properties) {
        super("action-item-reminders", properties.reminderCheck());
        this.remindOverdueOwners = remindOverdueOwners;
    }

    @Override
    protected int processDue() {
        return remindOverdueOwners.remindDue();
    }
}
