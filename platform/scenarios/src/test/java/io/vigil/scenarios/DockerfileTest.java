package io.vigil.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * deploy/docker/Dockerfile read as instructions, without Docker: a JRE runtime on pinned Temurin images, a
 * non-root user, a health check on actuator, and build inputs that exist.
 */
class DockerfileTest {

    /** One instruction: keyword and arguments, continuation lines joined. */
    private record Instruction(String keyword, String arguments) {
    }

    private final Path root = DeployAssets.root();
    private final List<Instruction> instructions = instructions(root.resolve("deploy/docker/Dockerfile"));

    @Test
    void buildsOnAPinnedTemurinJdkAndRunsOnAPinnedTemurinJre() {
        Map<String, String> args = new LinkedHashMap<>();
        for (Instruction instruction : instructions) {
            if (instruction.keyword().equals("ARG") && instruction.arguments().contains("=")) {
                String[] pair = instruction.arguments().split("=", 2);
                args.putIfAbsent(pair[0].trim(), pair[1].trim());
            }
        }
        List<String> bases = instructions.stream().filter(i -> i.keyword().equals("FROM"))
                .map(i -> resolve(i.arguments().split("\\s+")[0], args)).toList();

        assertThat(bases).hasSize(2);
        assertThat(bases).allSatisfy(image -> assertThat(image).as("a pinned Temurin tag")
                .matches("eclipse-temurin:\\d+\\.\\d+\\.\\d+_\\d+-[a-z]+-[a-z]+(@sha256:[0-9a-f]{64})?"));
        assertThat(bases.getFirst()).contains("-jdk-");
        assertThat(bases.getLast()).as("the runtime image").contains("-jre-");
    }

    @Test
    void runsAsAnUnprivilegedNumericUser() {
        List<String> users = arguments("USER");
        assertThat(users).isNotEmpty();
        String user = users.getLast().split(":")[0];
        assertThat(user).as("numeric, so Kubernetes' runAsNonRoot can check it").matches("\\d+");
        assertThat(Integer.parseInt(user)).isPositive();
        assertThat(lastIndexOf("USER")).as("USER before the entrypoint").isLessThan(lastIndexOf("ENTRYPOINT"));
    }

    @Test
    void checksLivenessOnActuatorAndExposesThePort() {
        assertThat(arguments("HEALTHCHECK")).singleElement().asString().contains("/actuator/health/liveness")
                .contains("${SERVER_PORT}");
        assertThat(arguments("EXPOSE")).containsExactly("${PORT}");
        assertThat(arguments("ENV")).anyMatch(env -> env.contains("SERVER_PORT=${PORT}"));
        assertThat(arguments("ENTRYPOINT")).singleElement().asString()
                .contains("org.springframework.boot.loader.launch.JarLauncher");
    }

    @Test
    void copiesTheLayersInTheOrderTheyChangeAndOnlySourcesThatExist() {
        List<String> layers = arguments("COPY").stream().filter(copy -> copy.startsWith("--from=build"))
                .map(copy -> copy.replaceAll(".*/layers/([a-z-]+)/.*", "$1")).toList();
        assertThat(layers).containsExactly("dependencies", "spring-boot-loader", "snapshot-dependencies",
                "application");
        for (String copy : arguments("COPY")) {
            if (copy.startsWith("--")) {
                continue;
            }
            String[] parts = copy.split("\\s+");
            for (int i = 0; i < parts.length - 1; i++) {
                assertThat(root.resolve(parts[i])).as("COPY " + parts[i]).exists();
            }
        }
    }

    private static String resolve(String image, Map<String, String> args) {
        String name = image.replaceAll("^\\$\\{?(\\w+)}?$", "$1");
        return args.getOrDefault(name, image);
    }

    private List<String> arguments(String keyword) {
        return instructions.stream().filter(i -> i.keyword().equals(keyword)).map(Instruction::arguments).toList();
    }

    private int lastIndexOf(String keyword) {
        for (int i = instructions.size() - 1; i >= 0; i--) {
            if (instructions.get(i).keyword().equals(keyword)) {
                return i;
            }
        }
        return -1;
    }

    private static List<Instruction> instructions(Path dockerfile) {
        List<String> lines;
        try {
            lines = Files.readAllLines(dockerfile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Instruction> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : lines) {
            String trimmed = line.strip();
            if (current.isEmpty() && (trimmed.isEmpty() || trimmed.startsWith("#"))) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            current.append(trimmed);
            String[] parts = current.toString().split("\\s+", 2);
            instructions.add(new Instruction(parts[0].toUpperCase(java.util.Locale.ROOT),
                    parts.length > 1 ? parts[1].strip() : ""));
            current.setLength(0);
        }
        return instructions;
    }
}
