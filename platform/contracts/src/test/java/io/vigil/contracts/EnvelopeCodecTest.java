package io.vigil.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EnvelopeCodecTest {

    private final EnvelopeCodec codec = new EnvelopeCodec();

    @Test
    void envelopeOfTakesTypeAndVersionFromTheCatalog() {
        Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        Envelope<IncidentOpened> envelope = Envelope.of(UUID.randomUUID(), "id", GoldenJsonTest.OPENED.payload(),
                clock, null);
        assertThat(envelope.type()).isEqualTo("IncidentOpened");
        assertThat(envelope.version()).isEqualTo(1);
        assertThat(envelope.occurredAt()).isEqualTo(clock.instant());
        assertThat(codec.decode(codec.encode(envelope))).isEqualTo(envelope);
    }

    @Test
    void fieldsAddedByANewerProducerAreIgnored() {
        String encoded = codec.encode(GoldenJsonTest.OPENED).replace("\"number\":42", "\"number\":42,\"later\":\"x\"");
        assertThat(codec.decode(encoded)).isEqualTo(GoldenJsonTest.OPENED);
    }

    @Test
    void textThatIsNotJsonIsMalformed() {
        assertThatThrownBy(() -> codec.decode("not json {"))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("not JSON");
    }

    @Test
    void unknownTypeIsMalformed() {
        assertThatThrownBy(() -> codec.decode("{\"type\":\"Nope\",\"version\":1}"))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("unknown message type Nope");
    }

    @Test
    void unknownVersionIsMalformed() {
        String encoded = codec.encode(GoldenJsonTest.OPENED).replace("\"version\":1", "\"version\":7");
        assertThatThrownBy(() -> codec.decode(encoded))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("version 7");
    }

    @Test
    void payloadMissingARequiredFieldIsMalformed() {
        String encoded = codec.encode(GoldenJsonTest.OPENED).replace("\"service\":\"checkout\",", "");
        assertThatThrownBy(() -> codec.decode(encoded))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("IncidentOpened");
    }
}
