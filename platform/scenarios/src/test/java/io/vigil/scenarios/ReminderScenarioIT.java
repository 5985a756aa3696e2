package io.vigil.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.devstack.VigilService;
import io.vigil.testkit.HttpProbe;
import io.vigil.testkit.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The severity policy as a commander lives it: all five services on one clock, a SEV1 whose responders go quiet,
 * and the reminder arriving where the commander reads their pages (the fake Slack).
 */
class ReminderScenarioIT {

    private static final Instant T0 = Instant.parse("2026-03-12T10:00:00Z");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static Vigil vigil;
    private static Story story;

    @BeforeAll
    static void startVigil() {
        vigil = Vigil.startAt(T0.toString());
        story = new Story(vigil);
    }

    @AfterAll
    static void stopVigil() {
        if (vigil != null) {
            vigil.close();
        }
    }

    @Test
    void aSev1WithoutAnUpdateForFifteenMinutesRemindsItsCommanderOnSlack() {
        HttpProbe alice = vigil.api(VigilService.INCIDENT_CORE, TestTokens.of("alice"));
        HttpProbe.Response declared = alice.postJson("/v1/incidents",
                "{\"title\":\"Checkout rejects every card\",\"service\":\"checkout\",\"severity\":\"SEV1\"}");
        assertThat(declared.status()).isEqualTo(201);
        JsonNode json = JSON.readTree(declared.body());
        Story.Incident incident = new Story.Incident(json.get("id").asString(), json.get("number").asLong(), json);
        story.awaitSlackPages("U0ALICE", incident, 1);
        assertThat(story.act(incident, "acknowledge", "alice").status()).isEqualTo(200);
        assertThat(alice.putJson("/v1/incidents/" + incident.id() + "/roles/incident-commander",
                "{\"assignee\":\"grace\"}").status()).isEqualTo(200);

        vigil.clock.advance(Duration.ofMinutes(14));
        assertThat(story.slackReminders("U0GRACE", incident)).isEmpty();
        vigil.clock.advance(Duration.ofMinutes(1));

        story.awaitSlackReminders("U0GRACE", incident, 1);
        Map<String, String> reminder = story.slackReminders("U0GRACE", incident).getFirst();
        assertThat(reminder.get("blocks")).contains("Reminder: #" + incident.number() + " Checkout rejects every card",
                "no update in the last 15 min", "\"action_id\":\"acknowledge\"");
        story.awaitTimeline(incident, "reminder", "Reminder to grace: #" + incident.number());
        story.awaitTimeline(incident, "paged", "Reminded Grace Gold (update-overdue)");
        story.awaitTimeline(incident, "notification-sent", "slack to grace");

        // A note is an update: the next reminder is due fifteen minutes after it, not after the last reminder.
        assertThat(alice.postJson("/v1/incidents/" + incident.id() + "/notes",
                "{\"text\":\"Card processor failover started\"}").status()).isEqualTo(201);
        vigil.clock.advance(Duration.ofMinutes(15));
        story.awaitSlackReminders("U0GRACE", incident, 2);
        List<Map<String, String>> reminders = story.slackReminders("U0GRACE", incident);
        assertThat(reminders.getLast().get("blocks")).contains("no update in the last 15 min");
        assertThat(story.slackPages("U0ALICE", incident)).as("the on-call was paged once").hasSize(1);
        assertThat(story.slackReminders("U0ALICE", incident)).as("reminders go to the commander").isEmpty();
    }
}
