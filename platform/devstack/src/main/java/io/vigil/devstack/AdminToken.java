package io.vigil.devstack;

import io.vigil.starter.security.ApiTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * The devstack's admin API token: made on the first start, kept in {@code $VIGIL_HOME/admin-token} (readable by
 * its owner only) so it survives restarts and scripts can read it, and given to every service as a hash.
 */
final class AdminToken {

    static final String FILE = "admin-token";
    static final String NAME = "devstack-admin";

    private AdminToken() {
    }

    /** The token in {@code home}, made there first if there is none yet. */
    static String loadOrCreate(Path home) {
        Path file = home.resolve(FILE);
        try {
            if (Files.exists(file)) {
                String token = Files.readString(file, StandardCharsets.UTF_8).strip();
                if (!token.isEmpty()) {
                    return token;
                }
            }
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            String token = "vigil_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
            Files.createDirectories(home);
            Files.writeString(file, token + "\n", StandardCharsets.UTF_8);
            restrictToOwner(file);
            return token;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the admin API token in " + file, e);
        }
    }

    /** The {@code vigil.security.tokens.*} properties that register {@code token} as admin on every service. */
    static Map<String, String> properties(String token) {
        return Map.of("vigil.security.tokens." + NAME + ".role", "admin",
                "vigil.security.tokens." + NAME + ".sha256", ApiTokens.sha256(token));
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the file inherits the user profile's permissions, which already keep others out.
        }
    }
}
