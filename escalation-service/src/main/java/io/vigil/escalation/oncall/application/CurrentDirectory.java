package io.vigil.escalation.oncall.application;

import io.vigil.escalation.oncall.domain.OnCallDirectory;
import org.springframework.stereotype.Service;

/** The on-call directory of the configuration in force, rebuilt only when another replica or an edit changed it. */
@Service
public class CurrentDirectory {

    private record Cached(long version, OnCallDirectory directory) {
    }

    private final ConfigStore store;
    private volatile Cached cached = new Cached(0, OnCallDirectory.empty());

    public CurrentDirectory(ConfigStore store) {
        this.store = store;
    }

    public OnCallDirectory directory() {
        Cached current = cached;
        if (store.version() == current.version()) {
            return current.directory();
        }
        Cached fresh = store.load()
                .map(stored -> new Cached(stored.version(), ConfigValidator.validate(stored.document())))
                .orElse(new Cached(0, OnCallDirectory.empty()));
        cached = fresh;
        return fresh.directory();
    }
}
