package io.vigil.starter.yaml;

import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * A YAML reader for configuration people write by hand: booleans, integers and nulls are typed, everything else
 * stays the text it was written as (YAML 1.2's core schema, without floats). YAML 1.1 would otherwise read {@code 09:00} as a number of minutes
 * (sexagesimal), {@code 2026-01-05} as a date and {@code 1.5} as a float, which the configuration's own parser
 * then has to undo. Only safe types are built: no arbitrary classes from a file.
 */
public final class PlainYaml {

    private static final Pattern INTEGER = Pattern.compile("^[-+]?[0-9]+$");
    private static final Pattern BOOLEAN = Pattern.compile("^(?:true|True|TRUE|false|False|FALSE)$");
    private static final Pattern NULL = Pattern.compile("^(?:~|null|Null|NULL| )$");

    private PlainYaml() {
    }

    /** A new reader; a {@link Yaml} is not thread-safe, so take one per document. */
    public static Yaml reader() {
        Resolver plainScalars = new Resolver() {
            @Override
            protected void addImplicitResolvers() {
                addImplicitResolver(Tag.BOOL, BOOLEAN, "tTfF");
                addImplicitResolver(Tag.INT, INTEGER, "-+0123456789");
                addImplicitResolver(Tag.NULL, NULL, "~nN\0");
                addImplicitResolver(Tag.NULL, Pattern.compile("^$"), null);
            }
        };
        LoaderOptions loader = new LoaderOptions();
        DumperOptions dumper = new DumperOptions();
        return new Yaml(new SafeConstructor(loader), new Representer(dumper), dumper, loader, plainScalars);
    }
}
