package io.vigil.notification.delivery.application;

import io.vigil.contracts.RemediationStepStarted;
import io.vigil.contracts.StableIds;
import io.vigil.notification.contact.application.ServiceChannels;
import io.vigil.notification.contact.domain.Channel;
import io.vigil.notification.delivery.domain.Delivery;
import io.vigil.notification.delivery.domain.DeliveryStatus;
import io.vigil.notification.delivery.domain.Purpose;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A remediation run waits for a human: its service's Slack channel is asked, with Approve and Reject buttons. It is
 * a delivery like a page to the channel (retried, paced) and is not cancelled when the incident is acknowledged,
 * since the run still waits. A service without a Slack channel is decided through the REST API only.
 */
@Service
public class AskForApproval {

    static final String APPROVAL = "approval";

    private final ServiceChannels channels;
    private final Deliveries deliveries;
    private final Clock clock;

    public AskForApproval(ServiceChannels channels, Deliveries deliveries, Clock clock) {
        this.channels = channels;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    /** @return whether the channel will be asked (a replayed step start asks once) */
    @Transactional
    public boolean ask(RemediationStepStarted step) {
        if (!APPROVAL.equals(step.stepType()) || step.service() == null) {
            return false;
        }
        Optional<String> channel = channels.slackChannelOf(step.service());
        if (channel.isEmpty()) {
            return false;
        }
        String key = "approval/%s/%s/%s".formatted(step.runId(), step.phase(), step.step());
        Instant now = clock.instant();
        String title = "Runbook %s%s waits for approval".formatted(step.runbook(), step.dryRun() ? " (dry run)" : "");
        String asks = step.description() == null || step.description().isBlank() ? "Approve the run?"
                : step.description();
        return deliveries.add(new Delivery(StableIds.of("delivery", key), key, step.runId(), step.incidentId(), 0,
                title, step.service(), null, null, PostToServiceChannel.USER_PREFIX + step.service(), step.service(),
                null, null, Channel.SLACK, channel.get(), "service-channel", APPROVAL, Purpose.APPROVAL, null, asks,
                null, DeliveryStatus.PENDING, 0, now, now, null, null, null));
    }
}
