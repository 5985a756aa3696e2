package io.vigil.testkit;

import java.util.Map;

final class Environment {

    private Environment() {
    }

    /** A variable set to blanks is treated as unset, as shells and CI templates often leave them that way. */
    static String value(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    static IllegalStateException unreachable(String variable, String target, Exception cause) {
        return new IllegalStateException(variable + " names " + target + ", which cannot be reached: "
                + describe(cause) + ". Start it, correct " + variable + ", or unset " + variable
                + " to let the testkit find or start one.", cause);
    }

    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        return root == e || root.getMessage() == null ? message : message + " (" + root.getMessage() + ")";
    }
}
