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
            new Entry("IncidentOpened", 1, IncidentOpened.class));

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
