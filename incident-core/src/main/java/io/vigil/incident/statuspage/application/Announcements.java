package io.vigil.incident.statuspage.application;

import io.vigil.contracts.Actor;
import io.vigil.contracts.Envelope;
import io.vigil.contracts.StableIds;
import io.vigil.contracts.SubscriberNoticeRequested;
import io.vigil.contracts.Topics;
import io.vigil.incident.incident.application.Timeline;
import io.vigil.incident.statuspage.domain.PublicIncident;
import io.vigil.incident.statuspage.domain.PublicUpdate;
import io.vigil.incident.statuspage.domain.Subscription;
import io.vigil.starter.outbox.Outbox;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * What a public update sets off, in the caller's transaction: a {@value #TIMELINE_KIND} line on the timeline of
 * every internal incident it is linked to (an update the public was given counts as an update of the incident),
 * and, through the outbox, one {@link SubscriberNoticeRequested} per subscriber on
 * {@link Topics#NOTIFICATION_REQUESTS} keyed by the subscription, with an id derived from the update and the
 * subscription so a replay tells nobody twice.
 */
@Component
public class Announcements {

    /** The timeline kind of a public update on the internal incidents it is about. */
    public static final String TIMELINE_KIND = "status-page-update";

    private final Timeline timeline;
    private final Subscriptions subscriptions;
    private final NoticeFormat format;
    private final ReadStatusPage page;
    private final Outbox outbox;
    private final Clock clock;

    public Announcements(Timeline timeline, Subscriptions subscriptions, NoticeFormat format, ReadStatusPage page,
            Outbox outbox, Clock clock) {
        this.timeline = timeline;
        this.subscriptions = subscriptions;
        this.format = format;
        this.page = page;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Announces {@code update}, the latest of {@code incident} as it was just saved. */
    public void announce(PublicIncident incident, PublicUpdate update, Actor actor) {
        String summary = "Status page %s \"%s\" (%s): %s".formatted(incident.kind().label(), incident.name(),
                update.status().label(), update.body());
        for (UUID linked : incident.incidentIds()) {
            timeline.add(linked, new Timeline.Entry(update.createdAt(), TIMELINE_KIND, summary, actor));
        }
        NoticeFormat.Notice notice = format.of(incident, update, page.now());
        for (Subscription subscription : subscriptions.all()) {
            UUID noticeId = StableIds.of("status-notice", update.id().toString(), subscription.id().toString());
            SubscriberNoticeRequested request = new SubscriberNoticeRequested(noticeId, subscription.id(),
                    subscription.channel().label(), subscription.address(), notice.subject(), notice.text(),
                    notice.json(), update.createdAt());
            outbox.append(Topics.NOTIFICATION_REQUESTS,
                    Envelope.of(noticeId, subscription.id().toString(), request, clock, null));
        }
    }
}
