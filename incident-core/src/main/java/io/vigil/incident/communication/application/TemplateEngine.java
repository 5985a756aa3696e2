package io.vigil.incident.communication.application;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import io.vigil.incident.communication.domain.Placeholder;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Logic-less Mustache over the {@link Placeholder}s: checks that a template compiles and names only known
 * placeholders, and renders it. Output is plain text (no HTML escaping): whoever shows it in HTML escapes it there.
 */
public final class TemplateEngine {

    private static final Mustache.Compiler COMPILER = Mustache.compiler().escapeHTML(false).emptyStringIsFalse(true)
            .zeroIsFalse(false).nullValue("");

    private TemplateEngine() {
    }

    /**
     * @throws InvalidTemplate naming the first unknown placeholder or a partial, or describing a syntax error
     */
    public static Template compile(String body) {
        Template template;
        try {
            template = COMPILER.compile(body);
        } catch (MustacheException e) {
            throw new InvalidTemplate("body", null, "is not a valid Mustache template: " + e.getMessage());
        }
        template.visit(new Mustache.Visitor() {
            @Override
            public void visitText(String text) {
            }

            @Override
            public void visitVariable(String name) {
                check(name);
            }

            @Override
            public boolean visitInclude(String name) {
                throw new InvalidTemplate("body", name, "includes {{> %s}}; templates cannot include others"
                        .formatted(name));
            }

            @Override
            public boolean visitSection(String name) {
                check(name);
                return true;
            }

            @Override
            public boolean visitInvertedSection(String name) {
                check(name);
                return true;
            }
        });
        return template;
    }

    public static String render(String body, Map<Placeholder, Object> values) {
        Map<String, Object> context = values.entrySet().stream()
                .collect(Collectors.toMap(entry -> entry.getKey().key(), entry -> entry.getValue() == null ? ""
                        : entry.getValue()));
        for (Placeholder placeholder : Placeholder.values()) {
            context.putIfAbsent(placeholder.key(), "");
        }
        return compile(body).execute(context);
    }

    private static void check(String name) {
        if (name.equals(".") || name.equals("this")) {
            return;
        }
        if (Placeholder.of(name).isEmpty()) {
            throw new InvalidTemplate("body", name, "uses unknown placeholder {{%s}}; known placeholders are %s"
                    .formatted(name, Arrays.stream(Placeholder.values()).map(Placeholder::key)
                            .collect(Collectors.joining(", "))));
        }
    }
}
