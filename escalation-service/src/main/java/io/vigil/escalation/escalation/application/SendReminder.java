package io.vigil.escalation.escalation.application;

import io.vigil.contracts.Envelope;
import io.vigil.contracts.NotificationRequested;
import io.vigil.contracts.ReminderDue;
import io.vigil.contracts.StableIds;
import io.vigil.contracts.Topics;
import io.vigil.contracts.Urgency;
import io.vigil.escalation.oncall.application.CurrentDirectory;
import io.vigil.escalation.oncall.domain.EscalationPolicy;
import io.vigil.escalation.oncall.domain.OnCallDirectory;
import io.vigil.escalation.oncall.domain.User;
import io.vigil.starter.inbox.Inbox;
import io.vigil.starter.outbox.Outbox;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * incident-core says something about an incident is overdue ({@link ReminderDue}): the person it names, if this
 * directory knows them, or else whoever the incident's escalation policy pages first right now (the first level with
 * somebody on call), is asked to be notified with the reminder's words as the note. Reminders about an incident this
 * service never took on, or one that is resolved or merged, are dropped.
 */
@Service
public class SendReminder {

    static final String CONSUMER = "escalation-service.reminders";

    private final Escalations escalations;
    private final EscalationLog log;
    private final CurrentDirectory directory;
    private final Outbox outbox;
    private final Inbox inbox;
    private final Clock clock;

    public SendReminder(Escalations escalations, EscalationLog log, CurrentDirectory directory, Outbox outbox,
            Inbox inbox, Clock clock) {
        this.escalations = escalations;
        this.log = log;
        this.directory = directory;
        this.outbox = outbox;
        this.inbox = inbox;
        this.clock = clock;
    }

    /** {@code StableIds.of("reminder", reminderId, userId)}: a redelivered reminder asks for the same notification. */
    public static UUID requestId(UUID reminderId, String userId) {
        return StableIds.of("reminder", reminderId.toString(), userId);
    }

    @Transactional
    public void remind(UUID eventId, ReminderDue reminder) {
        if (!inbox.firstDelivery(CONSUMER, eventId)) {
            return;
        }
        Optional<Escalation> found = escalations.find(reminder.incidentId());
        if (found.isEmpty() || found.get().over()) {
            return;
        }
        Escalation escalation = found.get();
        OnCallDirectory config = directory.directory();
        Instant now = clock.instant();
        List<User> recipients = recipients(reminder.userId(), escalation, config, now);
        for (User user : recipients) {
            NotificationRequested request = new NotificationRequested(requestId(reminder.reminderId(), user.id()),
                    reminder.incidentId(), reminder.number(), reminder.title(), reminder.service(),
                    reminder.severity(), escalation.urgency() == null ? Urgency.HIGH
                            : Urgency.valueOf(escalation.urgency()),
                    0, 0, new NotificationRequested.Recipient(user.id(), user.name(), user.email(), user.slack(),
                            user.timeZone().getId()),
                    "reminder:" + reminder.kind(), reminder.text());
            outbox.append(Topics.NOTIFICATION_REQUESTS,
                    Envelope.of(request.requestId(), reminder.incidentId().toString(), request, clock, null));
        }
        log.record(reminder.incidentId(), new EscalationLog.Entry(now, "REMINDED", escalation.cycle(), 0, 0,
                reminder.kind() + " to " + (recipients.isEmpty() ? "nobody (nobody on call)"
                        : String.join(", ", recipients.stream().map(User::id).toList()))));
    }

    private static List<User> recipients(String userId, Escalation escalation, OnCallDirectory config,
            Instant now) {
        if (userId != null && config.users().containsKey(userId)) {
            return List.of(config.users().get(userId));
        }
        Optional<EscalationPolicy> policy = Optional.ofNullable(escalation.policyId()).map(config.policies()::get)
                .or(() -> config.policyFor(escalation.service()));
        if (policy.isEmpty()) {
            return List.of();
        }
        for (int level = 1; level <= policy.get().levels().size(); level++) {
            List<User> onCall = config.pages(policy.get().level(level), now, escalation.number()).stream()
                    .map(page -> page.user()).toList();
            if (!onCall.isEmpty()) {
                return onCall;
            }
        }
        return List.of();
    }
}
