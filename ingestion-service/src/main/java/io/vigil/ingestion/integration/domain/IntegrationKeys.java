package io.vigil.ingestion.integration.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Integration keys: 32 random hex digits, the shape of a PagerDuty routing key, so any PagerDuty client
 * accepts one. Only {@link #hash(String)} of a key is ever stored.
 */
public final class IntegrationKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private IntegrationKeys() {
    }

    /** A new secret key. */
    public static String generate() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** SHA-256 of the key, 64 hex digits: what the database holds and what a presented key is looked up by. */
    public static String hash(String key) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
