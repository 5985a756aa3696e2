package io.vigil.testkit;

/**
 * Where a service endpoint came from, in the order the testkit tries them.
 */
public enum Origin {
    /** Named by a {@code VIGIL_*} environment variable; never started or stopped by the testkit. */
    ENVIRONMENT,
    /** Already running on this machine at its default port; never started or stopped by the testkit. */
    LOCAL,
    /** Started in Docker through Testcontainers; stopped when its {@link Infrastructure} closes. */
    TESTCONTAINERS,
    /** Started in this JVM or as a child process; stopped when its {@link Infrastructure} closes. */
    EMBEDDED
}
