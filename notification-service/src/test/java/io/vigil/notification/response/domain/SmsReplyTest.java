package io.vigil.notification.response.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class SmsReplyTest {

    @Test
    void digitsAndWordsWithOrWithoutTheIncidentNumber() {
        assertThat(SmsReply.parse("4 1042")).contains(new SmsReply(true, OptionalLong.of(1042)));
        assertThat(SmsReply.parse(" ACK #1042 ")).contains(new SmsReply(true, OptionalLong.of(1042)));
        assertThat(SmsReply.parse("6 1042")).contains(new SmsReply(false, OptionalLong.of(1042)));
        assertThat(SmsReply.parse("resolve 7.")).contains(new SmsReply(false, OptionalLong.of(7)));
        assertThat(SmsReply.parse("4")).contains(new SmsReply(true, OptionalLong.empty()));
    }

    @Test
    void anythingElseIsNotAnAnswer() {
        assertThat(SmsReply.parse("5 1042")).isEmpty();
        assertThat(SmsReply.parse("44")).isEmpty();
        assertThat(SmsReply.parse("ack it please")).isEmpty();
        assertThat(SmsReply.parse("STOP")).isEmpty();
        assertThat(SmsReply.parse(null)).isEmpty();
    }
}
