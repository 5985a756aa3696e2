package io.vigil.escalation.oncall.application;

import java.util.Optional;

/** Where the configuration in force is kept, shared by every replica. */
public interface ConfigStore {

    /** The version in force, 0 before any configuration was applied; cheap enough to ask on every timer tick. */
    long version();

    Optional<StoredConfig> load();

    /** The document in force, locked until the current transaction ends so edits apply one after another. */
    Optional<StoredConfig> loadForUpdate();

    /** Replaces the document in force inside the current transaction; returns the new version. */
    long save(ConfigDocument document);
}
