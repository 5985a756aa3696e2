package io.vigil.docs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes {@code docs/configuration.md}, the reference of every {@code vigil.*} property: names, types and
 * descriptions from the configuration metadata the Spring Boot configuration processor writes for each
 * {@code @ConfigurationProperties} record (descriptions are the records' {@code @param} Javadoc), defaults from
 * each service's own configuration file, falling back to the record's {@code @DefaultValue}. The file is never
 * edited by hand: {@code ConfigurationReferenceTest} fails when it differs from what this class generates.
 */
public final class ConfigurationReference {

    /** The one command that regenerates the file, run from the repository root. */
    public static final String REGENERATE = "./mvnw -B -q -pl platform/docs -am test -Dtest=ConfigurationReferenceTest "
            + "-Dsurefire.failIfNoSpecifiedTests=false -Dvigil.docs.write=true";

    static final String METADATA = "META-INF/spring-configuration-metadata.json";
    private static final String PREFIX = "vigil.";
    private static final Pattern INLINE_TAG = Pattern.compile("\\{@(code|literal|link|linkplain)\\s+([^{}]*(?:\\{[^{}]*}[^{}]*)*)}");
    private static final Pattern PACKAGE = Pattern.compile("\\b(?:[a-z_][a-z0-9_]*\\.)+(?=[A-Z])");
    private static final Pattern OUTER_CLASS = Pattern.compile("\\b[A-Za-z0-9_]+\\$");

    private ConfigurationReference() {
    }

    /** Writes the reference to {@code docs/configuration.md} of the repository this runs in, or to the given path. */
    public static void main(String[] args) throws IOException {
        Path target = args.length > 0 ? Path.of(args[0]) : defaultTarget();
        Files.writeString(target, generate(ConfigurationReference.class.getClassLoader()));
        System.out.println("Wrote " + target);
    }

    /** {@code docs/configuration.md} of the repository that holds the working directory. */
    static Path defaultTarget() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !(Files.exists(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("docs")))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("Run this inside the Vigil repository: no directory above "
                    + Path.of("").toAbsolutePath() + " holds mvnw and docs/");
        }
        return dir.resolve("docs").resolve("configuration.md");
    }

    /** The reference, from the metadata and service files on the class path. */
    static String generate(ClassLoader classLoader) {
        List<ConfigProperty> properties = readMetadata(classLoader);
        requireEveryService(properties);
        return render(properties, serviceFiles(classLoader));
    }

    /** Every {@code vigil.*} property described by a metadata file on the class path, by name. */
    static List<ConfigProperty> readMetadata(ClassLoader classLoader) {
        JsonMapper json = JsonMapper.builder().build();
        Map<String, ConfigProperty> byName = new TreeMap<>();
        try {
            for (URL url : Collections.list(classLoader.getResources(METADATA))) {
                try (InputStream in = url.openStream()) {
                    Map<?, ?> metadata = json.readValue(in, Map.class);
                    Object described = metadata.get("properties");
                    for (Object entry : described instanceof Collection<?> list ? list : List.of()) {
                        Map<?, ?> property = (Map<?, ?>) entry;
                        String name = (String) property.get("name");
                        if (name.startsWith(PREFIX)) {
                            byName.putIfAbsent(name, new ConfigProperty(name, (String) property.get("type"),
                                    (String) property.get("description"), (String) property.get("sourceType"),
                                    property.get("defaultValue")));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(byName.values());
    }

    /**
     * Fails when a module contributed no property: its jar on the class path was built without the configuration
     * processor (an old snapshot), and its section would silently be empty.
     */
    static void requireEveryService(List<ConfigProperty> properties) {
        for (Section section : Section.values()) {
            boolean described = properties.stream()
                    .anyMatch(property -> Section.declaring(property.sourceType()).orElse(null) == section);
            if (!described) {
                throw new IllegalStateException("No configuration metadata of " + section.module() + " on the class path ("
                        + METADATA + "): build it with the configuration processor, e.g. " + REGENERATE);
            }
        }
    }

    /**
     * The reference as Markdown: the shared settings, then one section per service. Each property is listed in
     * the section of the package that declares it; a service's section also shows the values its file gives the
     * shared settings.
     */
    static String render(List<ConfigProperty> properties, Map<Section, ServiceFile> files) {
        Map<Section, List<ConfigProperty>> bySection = new EnumMap<>(Section.class);
        for (ConfigProperty property : properties) {
            Section section = Section.declaring(property.sourceType()).orElseThrow(() -> new IllegalStateException(
                    property.name() + " is declared by " + property.sourceType()
                            + ", which no section of the configuration reference holds; add its module to Section"));
            bySection.computeIfAbsent(section, any -> new ArrayList<>()).add(property);
        }

        StringBuilder out = new StringBuilder();
        out.append("# Configuration reference\n\n")
                .append("<!-- Generated by platform/docs (io.vigil.docs.ConfigurationReference): do not edit by hand. -->\n\n")
                .append("Every `vigil.*` setting of every service, generated from the services' `@ConfigurationProperties`\n")
                .append("records (their Javadoc is the description) and the defaults in each service's own file\n")
                .append("(`<service>.yml`). After adding or changing a property, regenerate this page from the repository root:\n\n")
                .append("```sh\n").append(REGENERATE).append("\n```\n\n")
                .append("`./mvnw verify` fails while this page and the code disagree.\n\n")
                .append("## Setting a property\n\n")
                .append("A property can be set in a file the service reads (`--spring.config.additional-location=file:/etc/vigil/`\n")
                .append("with an `incident-core.yml` there, say), as an environment variable (upper case, dots become `_`,\n")
                .append("dashes are dropped: `vigil.notification.slack.bot-token` is `VIGIL_NOTIFICATION_SLACK_BOTTOKEN`) or on\n")
                .append("the command line (`--vigil.incident.reopen-window=2h`). Durations are written `200ms`, `10s`, `5m`, `1h`,\n")
                .append("`7d` or ISO-8601 (`PT5M`); sizes `512KB`, `1MB`; lists as YAML lists or comma-separated\n")
                .append("(`0s,10s,1m`). A blank default means the property is unset or empty. `${NAME:}` is a default read\n")
                .append("from the environment variable `NAME`, empty when it is not set.\n\n")
                .append("Settings that are not Vigil's own (`spring.*` for Postgres, Redis, Kafka and SMTP, `server.port`,\n")
                .append("`resilience4j.*`) are Spring Boot's and the libraries'; the pages linked from each section say which\n")
                .append("of them matter.\n\n");
        for (Section section : Section.values()) {
            out.append("- [").append(section.title()).append("](#").append(anchor(section.title())).append(")\n");
        }
        out.append('\n');

        for (Section section : Section.values()) {
            ServiceFile file = files.getOrDefault(section, ServiceFile.empty());
            out.append("## ").append(section.title()).append("\n\n");
            if (section.configFile().isEmpty()) {
                out.append("Declared in `").append(section.module()).append("` and read by every service; defaults are the\n")
                        .append("records' own. Each service's file sets some of them, as its section shows. See\n")
                        .append("[").append(section.page()).append("](").append(section.page()).append(") and [api-tokens.md](api-tokens.md).\n\n");
            } else {
                out.append("Module `").append(section.module()).append("`");
                file.valueOf("server.port").ifPresent(port -> out.append(", port ").append(port));
                out.append("; defaults from `").append(section.configFile().get())
                        .append("`, else the record's own. What they do: [").append(section.page()).append("](")
                        .append(section.page()).append(").\n\n");
            }
            table(out, bySection.getOrDefault(section, List.of()), file);
            if (section != Section.SHARED) {
                List<String[]> shared = new ArrayList<>();
                for (ConfigProperty property : bySection.getOrDefault(Section.SHARED, List.of())) {
                    file.valueOf(property.name()).ifPresent(value -> shared.add(new String[] {property.name(), value(value)}));
                }
                if (!shared.isEmpty()) {
                    out.append("Shared settings `").append(section.configFile().get()).append("` sets:\n\n")
                            .append("| property | value |\n|---|---|\n");
                    for (String[] row : shared) {
                        out.append("| `").append(row[0]).append("` | ").append(row[1]).append(" |\n");
                    }
                    out.append('\n');
                }
            }
        }
        return out.toString();
    }

    private static void table(StringBuilder out, List<ConfigProperty> properties, ServiceFile file) {
        out.append("| property | type | default | description |\n|---|---|---|---|\n");
        for (ConfigProperty property : properties) {
            Object defaultValue = file.valueOf(property.name()).orElse(property.defaultValue());
            out.append("| `").append(property.name()).append("` | `").append(type(property.type())).append("` | ")
                    .append(value(defaultValue)).append(" | ").append(description(property.description())).append(" |\n");
        }
        out.append('\n');
    }

    /** A Java type as a reader knows it: {@code java.util.List<java.time.Duration>} becomes {@code List<Duration>}. */
    static String type(String javaType) {
        if (javaType == null) {
            return "";
        }
        String simple = OUTER_CLASS.matcher(PACKAGE.matcher(javaType).replaceAll("")).replaceAll("");
        return simple.replace(",", ", ");
    }

    /** A default as a table cell: code, blank when there is none, {@code ""} for an empty string. */
    static String value(Object value) {
        String text = plain(value);
        if (text == null) {
            return "";
        }
        return text.isEmpty() ? "`\"\"`" : "`" + cell(text) + "`";
    }

    private static String plain(Object value) {
        return switch (value) {
            case null -> null;
            case Collection<?> list when list.isEmpty() -> null;
            case Map<?, ?> map when map.isEmpty() -> null;
            // The processor writes an empty @DefaultValue({}) as the string "[]".
            case String text when text.equals("[]") -> null;
            case Collection<?> list -> list.stream().map(ConfigurationReference::plain).collect(Collectors.joining(", "));
            case Map<?, ?> map -> map.entrySet().stream().map(entry -> entry.getKey() + ": " + plain(entry.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
            default -> String.valueOf(value);
        };
    }

    /** Javadoc text as Markdown on one line: inline tags become code or plain names. */
    static String description(String javadoc) {
        Matcher tags = INLINE_TAG.matcher(javadoc.strip().replaceAll("\\s+", " "));
        StringBuilder text = new StringBuilder();
        while (tags.find()) {
            String content = tags.group(2).strip();
            String replacement = switch (tags.group(1)) {
                case "code", "literal" -> "`" + content + "`";
                default -> content.contains(" ") ? content.substring(content.indexOf(' ') + 1)
                        : content.substring(content.lastIndexOf('.') + 1).replace('#', '.');
            };
            tags.appendReplacement(text, Matcher.quoteReplacement(replacement));
        }
        tags.appendTail(text);
        return cell(text.toString());
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }

    private static String anchor(String title) {
        return title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9 -]", "").replace(' ', '-');
    }

    private static String resource(ClassLoader classLoader, String name) {
        try (InputStream in = classLoader.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What each service's file sets under {@code vigil.} that no property declares (a typo, or a removed setting). */
    static Map<String, List<String>> unknownKeys(List<ConfigProperty> properties, Map<Section, ServiceFile> files) {
        Map<String, List<String>> unknown = new LinkedHashMap<>();
        for (Map.Entry<Section, ServiceFile> file : files.entrySet()) {
            for (String key : file.getValue().keysUnder(PREFIX)) {
                String relaxed = ServiceFile.relaxed(key);
                boolean known = properties.stream().map(property -> ServiceFile.relaxed(property.name()))
                        .anyMatch(name -> relaxed.equals(name) || relaxed.startsWith(name + "."));
                if (!known) {
                    unknown.computeIfAbsent(file.getKey().configFile().orElse(file.getKey().module()), any -> new ArrayList<>())
                            .add(key);
                }
            }
        }
        return unknown;
    }

    /** The service files on the class path, for checks. */
    static Map<Section, ServiceFile> serviceFiles(ClassLoader classLoader) {
        Map<Section, ServiceFile> files = new EnumMap<>(Section.class);
        for (Section section : Section.values()) {
            Optional<String> name = section.configFile();
            name.ifPresent(file -> files.put(section, ServiceFile.parse(resource(classLoader, file))));
        }
        return files;
    }
}
