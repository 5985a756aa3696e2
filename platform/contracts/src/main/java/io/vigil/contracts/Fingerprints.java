package io.vigil.contracts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The identity of a problem: alerts with equal fingerprints are the same problem and open one incident.
 * Fingerprints carry their scheme ({@code v1:}) so a later scheme never merges with an older one.
 */
public final class Fingerprints {

    private static final String V1 = "v1:";
    private static final char SEPARATOR = '\u001f';

    private Fingerprints() {
    }

    /** Fingerprint from the source's own dedup key, scoped to the service. */
    public static String fromDedupKey(String service, String dedupKey) {
        return V1 + sha256Hex("key" + SEPARATOR + service + SEPARATOR + dedupKey);
    }

    /**
     * Fingerprint over a label set, scoped to the service. Keys are trimmed and compared without case,
     * values trimmed; order does not matter.
     */
    public static String fromLabels(String service, Map<String, String> labels) {
        TreeMap<String, String> normalised = new TreeMap<>();
        labels.forEach((key, value) -> normalised.put(key.trim().toLowerCase(java.util.Locale.ROOT),
                value == null ? "" : value.trim()));
        StringBuilder text = new StringBuilder("labels").append(SEPARATOR).append(service);
        normalised.forEach((key, value) -> text.append(SEPARATOR).append(key).append('=').append(value));
        return V1 + sha256Hex(text.toString());
    }

    private static String sha256Hex(String text) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
