package io.vigil.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdsAndFingerprintsTest {

    @Test
    void stableIdIsAVersion5UuidThatRepeatsForTheSameCause() {
        UUID first = StableIds.of("page", "incident-1", "level-1", "alice");
        assertThat(first.version()).isEqualTo(5);
        assertThat(first.variant()).isEqualTo(2);
        assertThat(StableIds.of("page", "incident-1", "level-1", "alice")).isEqualTo(first);
        assertThat(StableIds.of("page", "incident-1", "level-1alice")).isNotEqualTo(first);
    }

    @Test
    void nameBasedUuidMatchesTheRfcExample() {
        // RFC 9562 appendix A.4: the DNS namespace and "www.example.com".
        UUID dns = UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
        assertThat(StableIds.nameBased(dns, "www.example.com"))
                .isEqualTo(UUID.fromString("2ed6657d-e927-568b-95e1-2665a8aea6a2"));
    }

    @Test
    void labelFingerprintIgnoresOrderCaseOfKeysAndSurroundingSpace() {
        String a = Fingerprints.fromLabels("api", Map.of("alertname", "Down", "instance", "a:9100"));
        String b = Fingerprints.fromLabels("api", Map.of(" Instance", "a:9100 ", "ALERTNAME", "Down"));
        assertThat(a).startsWith("v1:").hasSize(3 + 64).isEqualTo(b);
    }

    @Test
    void fingerprintsAreScopedToTheService() {
        assertThat(Fingerprints.fromDedupKey("api", "disk-full"))
                .isNotEqualTo(Fingerprints.fromDedupKey("db", "disk-full"));
        assertThat(Fingerprints.fromLabels("api", Map.of("a", "b")))
                .isNotEqualTo(Fingerprints.fromLabels("db", Map.of("a", "b")));
    }
}
