package io.vigil.remediation.run.application;

import io.vigil.remediation.runbook.domain.SecretReference;
import java.util.Map;

/** Reads the secrets a runbook refers to, at the moment a step needs them; nothing keeps them afterwards. */
public interface Secrets {

    /**
     * @param references the runbook's secrets by name
     * @return every secret's value, keyed {@code secrets.<name>} as templates refer to it
     * @throws Unavailable naming the first secret that cannot be read and where it was looked for
     */
    Map<String, String> read(Map<String, SecretReference> references);

    /** A secret that is not where its reference says. The message names the secret, never a value. */
    final class Unavailable extends RuntimeException {

        public Unavailable(String message) {
            super(message);
        }
    }
}
