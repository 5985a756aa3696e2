package io.vigil.escalation.oncall.application;

import io.vigil.escalation.oncall.domain.OnCallDirectory;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Replaces or edits the escalation configuration as a whole: the resulting document is validated completely and
 * stored in one transaction, or refused with every problem and nothing changed.
 */
@Service
public class ApplyConfiguration {

    private final ConfigStore store;

    public ApplyConfiguration(ConfigStore store) {
        this.store = store;
    }

    /**
     * @return the version now in force
     * @throws InvalidConfiguration with every problem; nothing was applied
     */
    @Transactional
    public long apply(ConfigDocument document) {
        ConfigValidator.validate(document);
        Optional<StoredConfig> current = store.loadForUpdate();
        if (current.isPresent() && current.get().document().equals(document)) {
            return current.get().version();
        }
        return store.save(document);
    }

    /** Applies {@code edit} to the document in force, under a lock so concurrent edits do not lose each other. */
    @Transactional
    public OnCallDirectory edit(UnaryOperator<ConfigDocument> edit) {
        ConfigDocument current = store.loadForUpdate().map(StoredConfig::document).orElse(ConfigDocument.empty());
        ConfigDocument edited = edit.apply(current);
        OnCallDirectory directory = ConfigValidator.validate(edited);
        store.save(edited);
        return directory;
    }
}
