package io.vigil.notification.response.application;

import io.vigil.contracts.Actor;
import io.vigil.contracts.DecideRemediationRun;
import io.vigil.contracts.Envelope;
import io.vigil.contracts.StableIds;
import io.vigil.contracts.Topics;
import io.vigil.starter.inbox.Inbox;
import io.vigil.starter.outbox.Outbox;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person pressed Approve or Reject on a remediation run's request in Slack: the decision goes to
 * remediation-service on {@link Topics#REMEDIATION_COMMANDS}, through the outbox so Slack gets its answer at once.
 */
@Service
public class DecideRemediation {

    /**
     * One decision.
     *
     * @param approve    approve, else reject
     * @param runId      the run
     * @param incidentId the incident it acts on, or {@code null} when the message did not say
     * @param userId     the Vigil user who decided
     * @param via        {@code slack}
     * @param answerKey  what identifies this press at the channel (Slack's action timestamp): a retried press makes
     *                   the same command id and remediation-service carries it out once
     */
    public record Decision(boolean approve, UUID runId, UUID incidentId, String userId, String via,
            String answerKey) {
    }

    static final String CONSUMER = "channel-run-decisions";

    private final Inbox inbox;
    private final Outbox outbox;
    private final Clock clock;

    public DecideRemediation(Inbox inbox, Outbox outbox, Clock clock) {
        this.inbox = inbox;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** @return the id of the command; a replayed press sends nothing again */
    @Transactional
    public UUID decide(Decision decision) {
        String verdict = decision.approve() ? DecideRemediationRun.APPROVE : DecideRemediationRun.REJECT;
        UUID commandId = StableIds.of("run-decision", decision.via(), decision.userId(), verdict,
                decision.runId().toString(), decision.answerKey());
        if (!inbox.firstDelivery(CONSUMER, commandId)) {
            return commandId;
        }
        DecideRemediationRun command = new DecideRemediationRun(commandId, decision.runId(), decision.incidentId(),
                verdict, new Actor("user", decision.userId(), decision.via()), null, clock.instant());
        String key = decision.runId().toString();
        outbox.append(Topics.REMEDIATION_COMMANDS, Envelope.of(commandId, key, command, clock, null));
        return commandId;
    }
}
