package io.vigil.escalation.oncall.application;

/** The configuration document in force and its version, which moves on with every change. */
public record StoredConfig(ConfigDocument document, long version) {
}
