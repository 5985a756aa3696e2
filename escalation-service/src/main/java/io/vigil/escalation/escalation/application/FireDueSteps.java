package io.vigil.escalation.escalation.application;

import io.vigil.contracts.Envelope;
import io.vigil.contracts.EscalationExhausted;
import io.vigil.contracts.EscalationLevelSkipped;
import io.vigil.contracts.IncidentSeverity;
import io.vigil.contracts.NotificationRequested;
import io.vigil.contracts.StableIds;
import io.vigil.contracts.Topics;
import io.vigil.contracts.Urgency;
import io.vigil.escalation.escalation.domain.EscalationPath;
import io.vigil.escalation.oncall.application.CurrentDirectory;
import io.vigil.escalation.oncall.domain.EscalationPolicy;
import io.vigil.escalation.oncall.domain.OnCallDirectory;
import io.vigil.escalation.oncall.domain.Page;
import io.vigil.escalation.oncall.domain.Target;
import io.vigil.escalation.oncall.domain.User;
import io.vigil.starter.outbox.Outbox;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fires the escalation steps that are due: pages the level's people through the outbox, skips a level with nobody
 * on call at once and reports the skip, schedules the next step, and reports exhaustion. Claim, pages and next step
 * commit together, so a crash before the commit fires the step again later with the same ids, and never twice.
 */
@Service
public class FireDueSteps {

    /**
     * A step that fires more than this after its due time (the service was down, or far behind) starts the rest of
     * its escalation from when it really fired: each later level still gets its full delay to be acknowledged,
     * instead of every overdue level paging in one burst to catch up with the original schedule.
     */
    static final Duration CATCH_UP = Duration.ofMinutes(1);

    private final EscalationSteps steps;
    private final Escalations escalations;
    private final EscalationLog log;
    private final CurrentDirectory directory;
    private final Outbox outbox;
    private final Clock clock;

    public FireDueSteps(EscalationSteps steps, Escalations escalations, EscalationLog log,
            CurrentDirectory directory, Outbox outbox, Clock clock) {
        this.steps = steps;
        this.escalations = escalations;
        this.log = log;
        this.directory = directory;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * What one call fired.
     *
     * @param lateness for each step, how long after its due time it fired (by the injected clock)
     */
    public record Fired(List<Duration> lateness) {

        public int count() {
            return lateness.size();
        }
    }

    /**
     * Fires up to {@code limit} due steps in one transaction.
     *
     * @return the steps claimed; fewer than {@code limit} when no more are due
     */
    @Transactional
    public Fired fireDue(int limit) {
        Instant now = clock.instant();
        List<EscalationSteps.DueStep> due = steps.claimDue(now, limit);
        if (due.isEmpty()) {
            return new Fired(List.of());
        }
        OnCallDirectory config = directory.directory();
        List<Duration> lateness = new ArrayList<>();
        for (EscalationSteps.DueStep step : due) {
            // Done first: the step it schedules is the escalation's one pending step.
            steps.markDone(step.id(), now);
            fire(step, escalations.find(step.incidentId()).orElseThrow(), config, now);
            lateness.add(Duration.between(step.dueAt(), now));
        }
        return new Fired(lateness);
    }

    private void fire(EscalationSteps.DueStep step, Escalation escalation, OnCallDirectory config, Instant now) {
        if (!escalation.escalating() || step.cycle() != escalation.cycle()) {
            return;
        }
        EscalationPolicy policy = escalation.policyId() == null ? null : config.policies().get(escalation.policyId());
        if (policy == null) {
            log.record(step.incidentId(), new EscalationLog.Entry(now, "NO_POLICY", step.cycle(), step.level(),
                    step.round(), "policy " + escalation.policyId() + " is no longer configured"));
            escalations.update(with(escalation, Escalation.NO_POLICY, escalation.level(), escalation.round(),
                    escalation.pages()), now);
            return;
        }
        if (step.kind() == EscalationSteps.Kind.EXHAUST) {
            exhaust(escalation, policy, step, now);
            return;
        }
        List<Page> pages = step.level() <= policy.levels().size()
                ? config.pages(policy.level(step.level()), now, escalation.number() + step.round() - 1)
                : List.of();
        for (Page page : pages) {
            NotificationRequested request = request(escalation, step, page);
            outbox.append(Topics.NOTIFICATION_REQUESTS,
                    Envelope.of(request.requestId(), escalation.incidentId().toString(), request, clock, null));
        }
        boolean paged = !pages.isEmpty();
        if (paged) {
            log.record(step.incidentId(), new EscalationLog.Entry(now, "PAGED", step.cycle(), step.level(),
                    step.round(), pages.stream().map(p -> p.user().id() + " (" + p.reason() + ")")
                            .collect(Collectors.joining(", "))));
        } else {
            skip(escalation, policy, step, now);
        }
        boolean lowUrgencyDone = paged && Urgency.LOW.name().equals(escalation.urgency())
                && config.lowUrgency() == OnCallDirectory.LowUrgency.FIRST_LEVEL;
        Escalation fired = with(escalation, lowUrgencyDone ? Escalation.NOTIFIED : Escalation.ESCALATING,
                step.level(), step.round(), escalation.pages() + pages.size());
        escalations.update(fired, now);
        if (lowUrgencyDone) {
            return;
        }
        Instant firedAt = Duration.between(step.dueAt(), now).compareTo(CATCH_UP) > 0 ? now : step.dueAt();
        switch (EscalationPath.after(policy, step.level(), step.round(), firedAt, paged)) {
            case EscalationPath.Next.Page next -> steps.schedule(step.incidentId(), step.cycle(),
                    EscalationSteps.Kind.PAGE, next.level(), next.round(), next.dueAt());
            case EscalationPath.Next.Exhaust exhaust -> steps.schedule(step.incidentId(), step.cycle(),
                    EscalationSteps.Kind.EXHAUST, step.level(), step.round(), exhaust.dueAt());
        }
    }

    /**
     * Reports a level that paged nobody, through the outbox so the incident timeline can say why, with an id the
     * same step always derives: a step fired again after a crash reports the same skip.
     */
    private void skip(Escalation escalation, EscalationPolicy policy, EscalationSteps.DueStep step, Instant now) {
        String reason = step.level() <= policy.levels().size()
                ? "nobody on call in " + policy.level(step.level()).targets().stream().map(Target::reason)
                        .collect(Collectors.joining(", "))
                : "policy " + policy.id() + " has no level " + step.level() + " any more";
        EscalationLevelSkipped skipped = new EscalationLevelSkipped(
                skipId(escalation.incidentId(), step.cycle(), step.level(), step.round()), escalation.incidentId(),
                escalation.number(), escalation.service(), policy.id(), step.level(), step.round(), reason, now);
        outbox.append(Topics.NOTIFICATION_REQUESTS,
                Envelope.of(skipped.skipId(), escalation.incidentId().toString(), skipped, clock, null));
        log.record(step.incidentId(), new EscalationLog.Entry(now, "SKIPPED", step.cycle(), step.level(),
                step.round(), reason));
    }

    private void exhaust(Escalation escalation, EscalationPolicy policy, EscalationSteps.DueStep step, Instant now) {
        EscalationExhausted exhausted = new EscalationExhausted(escalation.incidentId(), escalation.number(),
                escalation.title(), escalation.service(), policy.id(), step.round(), escalation.pages(), now);
        UUID eventId = StableIds.of("escalation-exhausted", escalation.incidentId().toString(),
                Integer.toString(step.cycle()));
        outbox.append(Topics.NOTIFICATION_REQUESTS,
                Envelope.of(eventId, escalation.incidentId().toString(), exhausted, clock, null));
        log.record(step.incidentId(), new EscalationLog.Entry(now, "EXHAUSTED", step.cycle(), step.level(),
                step.round(), escalation.pages() + " page(s), nobody acknowledged"));
        escalations.update(with(escalation, Escalation.EXHAUSTED, escalation.level(), escalation.round(),
                escalation.pages()), now);
    }

    /** The deterministic id of a page: the same step paging the same person always asks with the same id. */
    public static UUID requestId(UUID incidentId, int cycle, int level, int round, String userId) {
        if (cycle == 1) {
            return StableIds.of("page", incidentId.toString(), Integer.toString(level), Integer.toString(round), userId);
        }
        return StableIds.of("page", incidentId.toString(), Integer.toString(level), Integer.toString(round), userId,
                "cycle", Integer.toString(cycle));
    }

    /**
     * The deterministic id of a skipped level. Unlike {@link #requestId} it names the cycle always: skips are new,
     * so no earlier id has to stay the same.
     */
    public static UUID skipId(UUID incidentId, int cycle, int level, int round) {
        return StableIds.of("skip", incidentId.toString(), Integer.toString(cycle), Integer.toString(level),
                Integer.toString(round));
    }

    private static NotificationRequested request(Escalation escalation, EscalationSteps.DueStep step, Page page) {
        User user = page.user();
        return new NotificationRequested(
                requestId(escalation.incidentId(), step.cycle(), step.level(), step.round(), user.id()),
                escalation.incidentId(), escalation.number(), escalation.title(), escalation.service(),
                escalation.severity() == null ? null : IncidentSeverity.valueOf(escalation.severity()),
                Urgency.valueOf(escalation.urgency()),
                step.level(), step.round(),
                new NotificationRequested.Recipient(user.id(), user.name(), user.email(), user.slack(),
                        user.timeZone().getId()),
                page.reason());
    }

    private static Escalation with(Escalation e, String state, int level, int round, int pages) {
        return new Escalation(e.incidentId(), e.service(), e.severity(), e.urgency(), state, e.startedAt(), e.number(),
                e.title(), e.policyId(), e.cycle(), level, round, pages);
    }
}
