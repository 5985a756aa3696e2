package io.vigil.incident.incident.application;

import io.vigil.contracts.Actor;
import io.vigil.contracts.EscalationExhausted;
import io.vigil.contracts.EscalationLevelSkipped;
import io.vigil.contracts.Message;
import io.vigil.contracts.NotificationOutcome;
import io.vigil.contracts.NotificationRequested;
import io.vigil.contracts.RemediationRunFinished;
import io.vigil.contracts.RemediationRunStarted;
import io.vigil.contracts.RemediationStepFinished;
import io.vigil.contracts.RemediationStepStarted;
import io.vigil.starter.inbox.Inbox;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes on an incident's timeline what escalation-service decided (a page, a level skipped because
 * nobody was on call, a policy run out), what notification-service made of each page (sent,
 * retrying, fell back to another channel, failed, cancelled) and what remediation-service's runbooks did
 * (a run started, each step's start and outcome, the run's end), once per message whoever delivers it again.
 *
 * <p>Those topics are not ordered with the alerts, so a line may name an incident this service does not
 * know (yet): a replay against a restored database, say. The line is kept under the incident's id all the
 * same (the timeline does not require its incident to exist), logged and counted, and shows on the
 * timeline once the incident exists. Dropping or dead-lettering it would lose it; retrying would hold up
 * every later page on the partition for an incident that may never come.
 */
@Service
public class RecordPaging {

    static final String CONSUMER = "incident-core.paging";

    /** Timeline kinds this writes, so a client can tell paging lines apart. */
    public static final String PAGED = "paged";
    public static final String LEVEL_SKIPPED = "escalation-level-skipped";
    public static final String EXHAUSTED = "escalation-exhausted";
    public static final String NOTIFICATION_PREFIX = "notification-";
    public static final String REMEDIATION_STARTED = "remediation-started";
    public static final String REMEDIATION_STEP_STARTED = "remediation-step-started";
    public static final String REMEDIATION_STEP_FINISHED = "remediation-step-finished";
    public static final String REMEDIATION_FINISHED = "remediation-finished";

    private static final Logger log = LoggerFactory.getLogger(RecordPaging.class);
    private static final Actor ESCALATION = Actor.system("escalation-service");
    private static final Actor REMEDIATION = Actor.system("remediation-service");

    /** What became of a message. */
    public enum Result { RECORDED, RECORDED_AHEAD_OF_INCIDENT, ALREADY_RECORDED }

    private final Inbox inbox;
    private final Incidents incidents;
    private final Timeline timeline;
    private final IncidentMetrics metrics;

    public RecordPaging(Inbox inbox, Incidents incidents, Timeline timeline, IncidentMetrics metrics) {
        this.inbox = inbox;
        this.incidents = incidents;
        this.timeline = timeline;
        this.metrics = metrics;
    }

    /**
     * One message as it came.
     *
     * @param eventId    the id of the message, which makes redelivery harmless
     * @param occurredAt when the message says it happened, for messages that carry no time of their own
     * @param message    a {@link NotificationRequested}, {@link EscalationLevelSkipped}, {@link EscalationExhausted},
     *                   {@link NotificationOutcome} or a remediation report ({@link RemediationRunStarted},
     *                   {@link RemediationStepStarted}, {@link RemediationStepFinished}, {@link RemediationRunFinished})
     */
    public record Delivery(UUID eventId, Instant occurredAt, Message message) {
    }

    /** @throws IllegalArgumentException for a message that is none of those {@link Delivery} names */
    @Transactional
    public Result record(Delivery delivery) {
        return recordOne(delivery);
    }

    /** Records the messages in order, all in one transaction: all of them or, when one fails, none. */
    @Transactional
    public List<Result> recordAll(List<Delivery> deliveries) {
        return deliveries.stream().map(this::recordOne).toList();
    }

    private Result recordOne(Delivery delivery) {
        UUID eventId = delivery.eventId();
        Line line = lineFor(delivery.message(), delivery.occurredAt());
        if (!inbox.firstDelivery(CONSUMER, eventId)) {
            return Result.ALREADY_RECORDED;
        }
        timeline.add(line.incidentId(), line.entry());
        boolean known = incidents.find(line.incidentId()).isPresent();
        if (!known) {
            log.warn("{} {} names incident {}, which is not known yet: kept for its timeline", line.entry().kind(),
                    eventId, line.incidentId());
        }
        metrics.pagingEntry(line.entry().kind(), known);
        return known ? Result.RECORDED : Result.RECORDED_AHEAD_OF_INCIDENT;
    }

    private record Line(UUID incidentId, Timeline.Entry entry) {
    }

    private static Line lineFor(Message message, Instant occurredAt) {
        return switch (message) {
            case NotificationRequested page when page.level() == 0 && !blank(page.reason())
                    && page.reason().startsWith("reminder:") -> new Line(page.incidentId(), new Timeline.Entry(
                    occurredAt, PAGED, "Reminded %s (%s)".formatted(nameOf(page.user()),
                            page.reason().substring("reminder:".length())), ESCALATION));
            case NotificationRequested page -> new Line(page.incidentId(), new Timeline.Entry(occurredAt, PAGED,
                    "Paged %s (level %d, round %d)%s".formatted(nameOf(page.user()), page.level(), page.round(),
                            blank(page.reason()) ? "" : " via " + page.reason()), ESCALATION));
            case EscalationLevelSkipped skip -> new Line(skip.incidentId(), new Timeline.Entry(skip.at(),
                    LEVEL_SKIPPED, "Level %d (round %d) skipped: %s".formatted(skip.level(), skip.round(),
                            skip.reason()), ESCALATION));
            case EscalationExhausted exhausted -> new Line(exhausted.incidentId(), new Timeline.Entry(exhausted.at(),
                    EXHAUSTED, "Escalation exhausted after %d round%s; nobody acknowledged".formatted(
                            exhausted.rounds(), exhausted.rounds() == 1 ? "" : "s"), ESCALATION));
            case NotificationOutcome outcome -> new Line(outcome.incidentId(), new Timeline.Entry(outcome.at(),
                    NOTIFICATION_PREFIX + outcome.status().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                    summaryOf(outcome), new Actor("system", "notification-service", outcome.channel())));
            case RemediationRunStarted run -> new Line(run.incidentId(), new Timeline.Entry(run.at(),
                    REMEDIATION_STARTED, "Runbook %s v%d started%s (%s)".formatted(run.runbook(),
                            run.runbookVersion(), dryRun(run.dryRun()), run.trigger()), run.startedBy()));
            case RemediationStepStarted step -> new Line(step.incidentId(), new Timeline.Entry(step.at(),
                    REMEDIATION_STEP_STARTED, "%s step %s (%s)%s%s".formatted(step.runbook(), step.step(),
                            step.stepType(), dryRun(step.dryRun()),
                            blank(step.description()) ? "" : ": " + step.description()), REMEDIATION));
            case RemediationStepFinished step -> new Line(step.incidentId(), new Timeline.Entry(step.at(),
                    REMEDIATION_STEP_FINISHED, "%s step %s: %s%s%s".formatted(step.runbook(), step.step(),
                            step.outcome(), step.attempts() > 1 ? " after %d attempts".formatted(step.attempts()) : "",
                            blank(step.output()) ? "" : " (" + step.output() + ")"), REMEDIATION));
            case RemediationRunFinished run -> new Line(run.incidentId(), new Timeline.Entry(run.at(),
                    REMEDIATION_FINISHED, "Runbook %s %s%s%s".formatted(run.runbook(), run.outcome(),
                            dryRun(run.dryRun()), blank(run.summary()) ? "" : ": " + run.summary()), REMEDIATION));
            default -> throw new IllegalArgumentException(message.getClass().getSimpleName()
                    + " is not an escalation decision, notification outcome or remediation report");
        };
    }

    private static String summaryOf(NotificationOutcome outcome) {
        String delivery = "%s to %s".formatted(outcome.channel(),
                blank(outcome.userId()) ? "an unnamed recipient" : outcome.userId());
        String reason = blank(outcome.reason()) ? "no reason given" : outcome.reason();
        return switch (outcome.status()) {
            case SENT -> delivery + ": sent"
                    + (outcome.attempt() > 1 ? " (attempt %d)".formatted(outcome.attempt()) : "");
            case RETRYING -> "%s: attempt %d failed (%s), retrying%s".formatted(delivery, outcome.attempt(), reason,
                    outcome.nextAttemptAt() == null ? "" : " at " + outcome.nextAttemptAt());
            case FELL_BACK -> "%s fell back to %s%s".formatted(delivery,
                    blank(outcome.fallbackChannel()) ? "the next channel" : outcome.fallbackChannel(),
                    because(outcome.reason()));
            case FAILED -> "%s failed: %s".formatted(delivery, reason);
            case CANCELLED -> "%s cancelled%s".formatted(delivery, because(outcome.reason()));
        };
    }

    private static String dryRun(boolean dryRun) {
        return dryRun ? " (dry run)" : "";
    }

    private static String because(String reason) {
        return blank(reason) ? "" : ": " + reason;
    }

    private static String nameOf(NotificationRequested.Recipient user) {
        return blank(user.name()) ? user.id() : user.name();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
