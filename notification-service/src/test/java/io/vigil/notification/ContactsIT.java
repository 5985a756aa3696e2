package io.vigil.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vigil.contracts.NotificationRequested;
import io.vigil.contracts.Urgency;
import io.vigil.testkit.HttpProbe;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Contact methods and rules: from the configuration file, over REST, and used by the next page. */
class ContactsIT extends NotificationIntegrationTest {

    @Test
    void theConfigurationFileIsInForceFromTheStart() {
        JsonNode methods = JSON.readTree(api().get("/v1/users/ruled/contact-methods").body());
        assertThat(methods.get("contactMethods").valueStream().map(m -> m.get("id").asString() + "="
                + m.get("channel").asString() + ":" + m.get("address").asString()))
                .containsExactly("slack-dm=slack:U0RULED", "work-mail=email:ruled@example.com");
        JsonNode rules = JSON.readTree(api().get("/v1/users/ruled/notification-rules").body());
        assertThat(rules.get("rules").valueStream().map(r -> r.get("urgency").asString() + "/"
                + r.get("contactMethodId").asString() + "/" + r.get("delay").asString()))
                .containsExactly("high/slack-dm/PT0S", "high/work-mail/PT2M", "low/work-mail/PT0S");
    }

    @Test
    void methodsAndRulesSetOverRestDecideHowTheNextPageIsSent() {
        HttpProbe.Response methods = api().putJson("/v1/users/ivan/contact-methods", """
                {"contactMethods": [
                  {"id": "mail", "channel": "email", "address": "ivan@ops.example.com"},
                  {"id": "hook", "channel": "webhook", "address": "https://hooks.example.com/vigil",
                   "secret": "0123456789abcdef0123"}]}""");
        assertThat(methods.status()).as(methods.body()).isEqualTo(200);
        assertThat(methods.body()).contains("\"hasSecret\":true").doesNotContain("0123456789abcdef0123");
        HttpProbe.Response rules = api().putJson("/v1/users/ivan/notification-rules", """
                {"rules": [{"urgency": "low", "contactMethodId": "mail", "delay": "0s"}]}""");
        assertThat(rules.status()).as(rules.body()).isEqualTo(200);

        NotificationRequested request = page("ivan", "ivan-from-page@example.com", "U0IVAN", Urgency.LOW);
        send(request);

        await().atMost(PATIENCE).until(() -> mailsTo("ivan@ops.example.com").size() == 1);
        assertThat(slackPosts("chat.postMessage", "U0IVAN")).isEmpty();
        assertThat(mailsTo("ivan-from-page@example.com")).isEmpty();
    }

    @Test
    void aPersonsOwnFallbackChainIsFollowedWhenSlackFailsForGood() {
        assertThat(api().putJson("/v1/users/quinn/contact-methods", """
                {"contactMethods": [
                  {"id": "slack", "channel": "slack", "address": "U0QUINN"},
                  {"id": "mobile", "channel": "sms", "address": "+15555550177"},
                  {"id": "mail", "channel": "email", "address": "quinn@example.com"}]}""").status()).isEqualTo(200);
        assertThat(api().putJson("/v1/users/quinn/notification-rules", """
                {"rules": [{"urgency": "high", "contactMethodId": "slack", "delay": "0s"}]}""").status())
                .isEqualTo(200);
        HttpProbe.Response chain = api().putJson("/v1/users/quinn/fallback-chain", """
                {"channels": ["slack", "email"]}""");
        assertThat(chain.status()).as(chain.body()).isEqualTo(200);
        assertThat(chain.body()).contains("\"own\":true").contains("\"effective\":[\"slack\",\"email\"]");
        SLACK.stubFor(post(urlPathEqualTo("/api/chat.postMessage")).withRequestBody(containing("U0QUINN"))
                .atPriority(1).willReturn(okJson("{\"ok\":false,\"error\":\"channel_not_found\"}")));

        send(page("quinn", null, null, Urgency.HIGH));

        await().atMost(PATIENCE).until(() -> mailsTo("quinn@example.com").size() == 1);
        assertThat(TWILIO.findAll(postRequestedFor(urlPathEqualTo("/2010-04-01/Accounts/" + TWILIO_ACCOUNT
                + "/Messages.json")).withRequestBody(containing("15555550177")))).as("the service-wide chain's sms")
                .isEmpty();
    }

    @Test
    void theIncidentsServiceChainIsFollowedByPeopleWithoutOneOfTheirOwn() {
        assertThat(api().putJson("/v1/users/sven/contact-methods", """
                {"contactMethods": [
                  {"id": "slack", "channel": "slack", "address": "U0SVEN"},
                  {"id": "mobile", "channel": "sms", "address": "+15555550178"},
                  {"id": "mail", "channel": "email", "address": "sven@example.com"}]}""").status()).isEqualTo(200);
        assertThat(api().putJson("/v1/users/sven/notification-rules", """
                {"rules": [{"urgency": "high", "contactMethodId": "slack", "delay": "0s"}]}""").status())
                .isEqualTo(200);
        SLACK.stubFor(post(urlPathEqualTo("/api/chat.postMessage")).withRequestBody(containing("U0SVEN"))
                .atPriority(1).willReturn(okJson("{\"ok\":false,\"error\":\"channel_not_found\"}")));
        HttpProbe.Response chain = api().putJson("/v1/services/checkout/fallback-chain", """
                {"channels": ["slack", "email"]}""");
        assertThat(chain.status()).as(chain.body()).isEqualTo(200);
        try {
            send(page("sven", null, null, Urgency.HIGH));

            await().atMost(PATIENCE).until(() -> mailsTo("sven@example.com").size() == 1);
            assertThat(TWILIO.findAll(postRequestedFor(urlPathEqualTo("/2010-04-01/Accounts/" + TWILIO_ACCOUNT
                    + "/Messages.json")).withRequestBody(containing("15555550178")))).isEmpty();
        } finally {
            assertThat(api().putJson("/v1/services/checkout/fallback-chain", "{\"channels\": []}").body())
                    .contains("\"own\":false");
        }
    }

    @Test
    void aFallbackChainWithAnUnknownOrRepeatedChannelIsRefusedAndAnEmptyOneMeansTheServiceWideChain() {
        HttpProbe.Response refused = api().putJson("/v1/users/rory/fallback-chain", """
                {"channels": ["slack", "pigeon", "slack"]}""");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("fallbackChain[1]").contains("fallbackChain[2]").contains("repeats slack");

        HttpProbe.Response reset = api().putJson("/v1/users/rory/fallback-chain", "{\"channels\": []}");
        assertThat(reset.body()).contains("\"own\":false").contains("\"effective\":[\"slack\",\"sms\",\"email\"]");
    }

    @Test
    void anInvalidNumberIsRefusedNamingTheFieldAndNothingChanges() {
        HttpProbe.Response response = api().putJson("/v1/users/judy/contact-methods", """
                {"contactMethods": [
                  {"id": "phone", "channel": "sms", "address": "0171 555 0199"}]}""");

        assertThat(response.status()).isEqualTo(400);
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("contactMethods[0]");
        assertThat(problem.get("errors").get(0).get("message").asString()).contains("E.164");
        assertThat(JSON.readTree(api().get("/v1/users/judy/contact-methods").body())
                .get("contactMethods").size()).isZero();
    }

    @Test
    void aRuleNamingAnUnknownMethodOrAChannelNobodyKnowsIsRefused() {
        HttpProbe.Response rule = api().putJson("/v1/users/ruled/notification-rules", """
                {"rules": [{"urgency": "high", "contactMethodId": "pager", "delay": "1m"}]}""");
        assertThat(rule.status()).isEqualTo(400);
        assertThat(rule.body()).contains("rules[0].contactMethodId").contains("names no contact method of ruled");

        HttpProbe.Response channel = api().putJson("/v1/users/kim/contact-methods", """
                {"contactMethods": [{"id": "x", "channel": "pigeon", "address": "roof"}]}""");
        assertThat(channel.status()).isEqualTo(400);
        assertThat(channel.body()).contains("contactMethods[0].channel");
        assertThat(JSON.readTree(api().get("/v1/users/ruled/notification-rules").body())
                .get("rules").size()).isEqualTo(3);
    }

    @Test
    void aServiceChannelComesFromTheFileAndCanBeSetOverRest() {
        assertThat(api().get("/v1/services/payments/slack-channel").body())
                .contains("\"slackChannel\":\"C0PAYMENTS\"");
        assertThat(api().get("/v1/services/nothing-here/slack-channel").status()).isEqualTo(404);

        HttpProbe.Response set = api().putJson("/v1/services/search/slack-channel", "{\"slackChannel\": \"C0SEARCH\"}");
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(api().get("/v1/services/search/slack-channel").body()).contains("C0SEARCH");

        HttpProbe.Response invalid = api().putJson("/v1/services/search/slack-channel",
                "{\"slackChannel\": \"not a channel!\"}");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body()).contains("slackChannel");
        assertThat(api().delete("/v1/services/search/slack-channel").status()).isEqualTo(204);
        assertThat(api().get("/v1/services/search/slack-channel").status()).isEqualTo(404);
    }
}
