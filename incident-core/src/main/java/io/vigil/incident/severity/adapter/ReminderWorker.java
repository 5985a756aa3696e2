package io.vigil.incident.severity.adapter;

import io.vigil.incident.severity.SeverityPolicyProperties;
import io.vigil.incident.severity.application.SendReminders;
import io.vigil.starter.poll.PollingWorker;
import org.springframework.stereotype.Component;

/**
 * Checks open incidents against the severity matrix every {@code check-every} of real time; what is due is decided
 * on the service's clock, so a test that moves its clock sees the reminders of the time it moved to.
 */
@Component
class ReminderWorker extends PollingWorker {

    private final SendReminders sendReminders;

    ReminderWorker(SendReminders sendReminders, SeverityPolicyProperties properties) {
        super("severity-reminders", properties.checkEvery());
        this.sendReminders = sendReminders;
    }

    @Override
    protected int processDue() {
        return sendReminders.check();
    }
}
