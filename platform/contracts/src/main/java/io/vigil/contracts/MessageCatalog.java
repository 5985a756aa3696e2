package io.vigil.contracts;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The wire name and version of every {@link Message} Vigil exchanges. */
public final class MessageCatalog {

    /** One registered message: its wire name, schema version and Java type. */
    public record Entry(String type, int version, Class<? extends Message> javaType) {
    }

    private static final List<Entry> ENTRIES = List.of(
            new Entry("AlertReceived", 1, AlertReceived.class),
            new Entry("IncidentOpened", 1, IncidentOpened.class),
            new Entry("IncidentAcknowledged", 1, IncidentAcknowledged.class),
            new Entry("IncidentResolved", 1, IncidentResolved.class),
            new Entry("IncidentReopened", 1, IncidentReopened.class),
            new Entry("IncidentEscalated", 1, IncidentEscalated.class),
            new Entry("AcknowledgeIncident", 1, AcknowledgeIncident.class),
            new Entry("ResolveIncident", 1, ResolveIncident.class),
            new Entry("EscalateIncident", 1, EscalateIncident.class),
            new Entry("AddNote", 1, AddNote.class),
            new Entry("NotificationRequested", 1, NotificationRequested.class),
            new Entry("EscalationExhausted", 1, EscalationExhausted.class),
            new Entry("EscalationLevelSkipped", 1, EscalationLevelSkipped.class),
            new Entry("ChangeEventReceived", 1, ChangeEventReceived.class),
            new Entry("IncidentStatusChanged", 1, IncidentStatusChanged.class),
            new Entry("IncidentSeverityChanged", 1, IncidentSeverityChanged.class),
            new Entry("IncidentClosed", 1, IncidentClosed.class),
            new Entry("IncidentNoteAdded", 1, IncidentNoteAdded.class),
            new Entry("AlertGrouped", 1, AlertGrouped.class),
            new Entry("NotificationOutcome", 1, NotificationOutcome.class),
            new Entry("IncidentRoleChanged", 1, IncidentRoleChanged.class),
            new Entry("IncidentMerged", 1, IncidentMerged.class),
            new Entry("IncidentSplit", 1, IncidentSplit.class),
            new Entry("RemediationRunStarted", 1, RemediationRunStarted.class),
            new Entry("RemediationStepStarted", 1, RemediationStepStarted.class),
            new Entry("RemediationStepFinished", 1, RemediationStepFinished.class),
            new Entry("RemediationRunFinished", 1, RemediationRunFinished.class),
            new Entry("ReminderDue", 1, ReminderDue.class),
            new Entry("SubscriberNoticeRequested", 1, SubscriberNoticeRequested.class),
            new Entry("DecideRemediationRun", 1, DecideRemediationRun.class),
            new Entry("PublishStatusUpdate", 1, PublishStatusUpdate.class));

    private static final Map<String, Entry> BY_TYPE = ENTRIES.stream()
            .collect(Collectors.toUnmodifiableMap(Entry::type, Function.identity()));
    private static final Map<Class<? extends Message>, Entry> BY_CLASS = ENTRIES.stream()
            .collect(Collectors.toUnmodifiableMap(Entry::javaType, Function.identity()));

    private MessageCatalog() {
    }

    public static Optional<Entry> entryFor(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }

    public static Entry entryFor(Class<?> javaType) {
        Entry entry = BY_CLASS.get(javaType);
        if (entry == null) {
            throw new IllegalArgumentException(javaType.getName() + " is not registered in MessageCatalog");
        }
        return entry;
    }

    public static List<Entry> entries() {
        return ENTRIES;
    }
}
