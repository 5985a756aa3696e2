package io.vigil.testkit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * API tokens every test context knows, one per role, registered the way an operator registers real ones: by
 * name, role and the SHA-256 of the token, never the token itself ({@code vigil.security.tokens.<name>.*}).
 * {@link Infrastructure#springProperties(String)} includes them.
 */
public final class TestTokens {

    /** May do everything, configuration included. */
    public static final String ADMIN = "vigil-test-admin-token";
    /** May read and act on incidents (acknowledge, resolve, notes). */
    public static final String RESPONDER = "vigil-test-responder-token";
    /** May only read. */
    public static final String VIEWER = "vigil-test-viewer-token";

    /** People with responder tokens of their own, named after themselves, for tests about who did what. */
    public static final java.util.List<String> PEOPLE = java.util.List.of("alice", "bob", "carol", "dave", "erin");

    private TestTokens() {
    }

    /** The responder token of one of {@link #PEOPLE}: a request made with it is made by that person. */
    public static String of(String person) {
        if (!PEOPLE.contains(person)) {
            throw new IllegalArgumentException("no test token for '" + person + "'; people with one: " + PEOPLE);
        }
        return "vigil-test-token-of-" + person;
    }

    /** The {@code vigil.security.tokens.*} properties declaring the three tokens, named after their roles. */
    public static Map<String, String> properties() {
        Map<String, String> properties = new LinkedHashMap<>();
        declare(properties, "test-admin", "admin", ADMIN);
        declare(properties, "test-responder", "responder", RESPONDER);
        declare(properties, "test-viewer", "viewer", VIEWER);
        PEOPLE.forEach(person -> declare(properties, person, "responder", of(person)));
        return properties;
    }

    /** The value of an {@code Authorization} header carrying {@code token}. */
    public static String bearer(String token) {
        return "Bearer " + token;
    }

    /** Hex SHA-256 of the token, as stored in configuration. */
    public static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static void declare(Map<String, String> properties, String name, String role, String token) {
        properties.put("vigil.security.tokens." + name + ".role", role);
        properties.put("vigil.security.tokens." + name + ".sha256", sha256(token));
    }
}
