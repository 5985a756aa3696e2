package io.vigil.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every relative link between the pages of docs/ leads to a file that exists, and to a heading it has. */
class DocsLinksTest {

    /** Pages the docs index links before the work that writes them has landed. */
    private static final Set<String> ANNOUNCED = Set.of("severity-policy.md", "communication-templates.md",
            "post-incident-reviews.md", "sla-and-error-budgets.md", "status-page.md");

    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern CODE_BLOCK = Pattern.compile("```.*?```", Pattern.DOTALL);

    @Test
    void everyRelativeLinkInDocsLeadsToAnExistingPageAndHeading() throws IOException {
        Path docs = ConfigurationReference.defaultTarget().getParent();
        List<String> broken = new ArrayList<>();
        try (Stream<Path> pages = Files.list(docs)) {
            for (Path page : pages.filter(path -> path.toString().endsWith(".md")).sorted().toList()) {
                String text = CODE_BLOCK.matcher(Files.readString(page)).replaceAll("");
                Matcher links = LINK.matcher(text);
                while (links.find()) {
                    String link = links.group(1);
                    if (link.matches("^[a-z]+:.*")) {
                        continue;
                    }
                    String file = link.contains("#") ? link.substring(0, link.indexOf('#')) : link;
                    String anchor = link.contains("#") ? link.substring(link.indexOf('#') + 1) : "";
                    Path target = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
                    if (!Files.exists(target)) {
                        if (!ANNOUNCED.contains(target.getFileName().toString())) {
                            broken.add(page.getFileName() + ": " + link + " (no such file)");
                        }
                    } else if (!anchor.isEmpty() && target.toString().endsWith(".md") && !anchors(target).contains(anchor)) {
                        broken.add(page.getFileName() + ": " + link + " (no such heading)");
                    }
                }
            }
        }
        assertThat(broken).as("broken links in docs/").isEmpty();
    }

    /** The anchors GitHub makes of a page's headings. */
    private static Set<String> anchors(Path page) throws IOException {
        Set<String> anchors = new HashSet<>();
        boolean inCode = false;
        for (String line : Files.readAllLines(page)) {
            if (line.startsWith("```")) {
                inCode = !inCode;
            } else if (!inCode && line.startsWith("#")) {
                String heading = line.replaceFirst("^#+", "").strip().toLowerCase(Locale.ROOT);
                anchors.add(heading.replaceAll("[^\\p{L}\\p{N}_\\- ]", "").replace(' ', '-'));
            }
        }
        return anchors;
    }
}
