package io.vigil.notification.response.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SlackSignatureTest {

    // The example of Slack's "Verifying requests from Slack" guide.
    private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    private static final String TIMESTAMP = "1531420618";
    private static final byte[] BODY = ("token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&"
            + "channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&"
            + "text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&"
            + "trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c").getBytes(StandardCharsets.UTF_8);
    private static final String EXPECTED = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";
    private static final Instant THEN = Instant.ofEpochSecond(1531420618);

    private final SlackSignature signature = new SlackSignature(SECRET, Duration.ofMinutes(5));

    @Test
    void signsAsSlacksOwnExampleSays() {
        assertThat(signature.sign(TIMESTAMP, BODY)).isEqualTo(EXPECTED);
        assertThat(signature.verify(TIMESTAMP, EXPECTED, BODY, THEN.plusSeconds(299)))
                .isEqualTo(SlackSignature.Verdict.VALID);
    }

    @Test
    void aChangedBodyOrWrongSecretDoesNotVerify() {
        byte[] changed = BODY.clone();
        changed[0] = 'T';
        assertThat(signature.verify(TIMESTAMP, EXPECTED, changed, THEN)).isEqualTo(SlackSignature.Verdict.MISMATCH);
        assertThat(new SlackSignature("another-secret", Duration.ofMinutes(5)).verify(TIMESTAMP, EXPECTED, BODY, THEN))
                .isEqualTo(SlackSignature.Verdict.MISMATCH);
    }

    @Test
    void aTimestampMoreThanFiveMinutesAwayEitherWayIsStale() {
        assertThat(signature.verify(TIMESTAMP, EXPECTED, BODY, THEN.plusSeconds(301)))
                .isEqualTo(SlackSignature.Verdict.STALE);
        assertThat(signature.verify(TIMESTAMP, EXPECTED, BODY, THEN.minusSeconds(301)))
                .isEqualTo(SlackSignature.Verdict.STALE);
    }

    @Test
    void missingHeadersOrSecretRefuseEverything() {
        assertThat(signature.verify(null, EXPECTED, BODY, THEN)).isEqualTo(SlackSignature.Verdict.MISSING);
        assertThat(signature.verify(TIMESTAMP, null, BODY, THEN)).isEqualTo(SlackSignature.Verdict.MISSING);
        assertThat(signature.verify("yesterday", EXPECTED, BODY, THEN)).isEqualTo(SlackSignature.Verdict.MISSING);
        assertThat(new SlackSignature("", Duration.ofMinutes(5)).verify(TIMESTAMP, EXPECTED, BODY, THEN))
                .isEqualTo(SlackSignature.Verdict.MISSING);
    }
}
