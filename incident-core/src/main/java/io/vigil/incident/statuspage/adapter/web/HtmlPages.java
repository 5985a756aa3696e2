package io.vigil.incident.statuspage.adapter.web;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import io.vigil.incident.statuspage.StatusPageProperties;
import io.vigil.incident.statuspage.application.StatusPage;
import io.vigil.incident.statuspage.domain.ComponentGroup;
import io.vigil.incident.statuspage.domain.Kind;
import io.vigil.incident.statuspage.domain.PublicIncident;
import io.vigil.incident.statuspage.domain.PublicUpdate;
import io.vigil.incident.statuspage.domain.StatusComponent;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;

/**
 * The public page in HTML, from logic-less Mustache templates under {@code templates/incident-core/status-page}.
 * The templates get plain maps of strings and lists, every value HTML-escaped by Mustache; status is always
 * written in words, colour only repeats it.
 */
final class HtmlPages {

    private static final String TEMPLATES = "templates/incident-core/status-page/";

    private final StatusPageProperties properties;
    private final Times times;
    private final Template page;
    private final Template incident;

    HtmlPages(StatusPageProperties properties) {
        this.properties = properties;
        this.times = new Times(properties.timeZone());
        Mustache.Compiler compiler = Mustache.compiler().escapeHTML(true).defaultValue("")
                .withLoader(name -> reader(name + ".mustache"));
        this.page = compiler.compile(reader("page.mustache"));
        this.incident = compiler.compile(reader("incident.mustache"));
    }

    String page(StatusPage status) {
        Map<String, Object> model = common(status);
        model.put("title", properties.name());
        List<Map<String, Object>> groups = new ArrayList<>();
        if (!status.ungrouped().isEmpty()) {
            groups.add(group(null, status.ungrouped()));
        }
        for (ComponentGroup group : status.groups()) {
            groups.add(group(group.name(), status.componentsOf(group)));
        }
        model.put("groups", groups);
        model.put("hasComponents", !status.components().isEmpty());
        model.put("openIncidents", status.openIncidents().stream().map(i -> card(i, status)).toList());
        model.put("hasOpenIncidents", !status.openIncidents().isEmpty());
        model.put("maintenances", status.maintenances().stream().map(i -> card(i, status)).toList());
        model.put("hasMaintenances", !status.maintenances().isEmpty());
        model.put("past", status.past().stream().map(i -> card(i, status)).toList());
        model.put("historyDays", properties.historyDays());
        return page.execute(model);
    }

    String incident(PublicIncident shown, StatusPage status) {
        Map<String, Object> model = common(status);
        model.put("title", shown.name() + " - " + properties.name());
        model.put("incident", card(shown, status));
        return incident.execute(model);
    }

    private Map<String, Object> common(StatusPage status) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("name", properties.name());
        model.put("base", properties.base());
        model.put("indicator", status.indicator().label());
        model.put("description", status.indicator().description());
        model.put("updatedIso", status.updatedAt().toString());
        model.put("updated", times.text(status.updatedAt()));
        model.put("zone", properties.timeZone().getId());
        return model;
    }

    private static Map<String, Object> group(String name, List<StatusComponent> components) {
        Map<String, Object> group = new LinkedHashMap<>();
        group.put("named", name != null);
        group.put("name", name == null ? "" : name);
        group.put("components", components.stream().map(c -> {
            Map<String, Object> component = new LinkedHashMap<>();
            component.put("id", c.id().toString());
            component.put("name", c.name());
            component.put("description", c.description() == null ? "" : c.description());
            component.put("hasDescription", c.description() != null && !c.description().isBlank());
            component.put("status", c.status().label());
            component.put("statusText", c.status().text());
            return component;
        }).toList());
        return group;
    }

    private Map<String, Object> card(PublicIncident incident, StatusPage status) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("id", incident.id().toString());
        model.put("name", incident.name());
        model.put("maintenance", incident.kind() == Kind.MAINTENANCE);
        model.put("impact", incident.impact().label());
        model.put("statusText", incident.status().text());
        model.put("url", properties.base() + "/incidents/" + incident.id());
        model.put("scheduledFor", times.text(incident.scheduledFor()));
        model.put("scheduledForIso", incident.scheduledFor() == null ? "" : incident.scheduledFor().toString());
        model.put("scheduledUntil", times.text(incident.scheduledUntil()));
        model.put("scheduledUntilIso", incident.scheduledUntil() == null ? "" : incident.scheduledUntil().toString());
        List<String> affected = status.components().stream().filter(c -> incident.componentIds().contains(c.id()))
                .map(StatusComponent::name).toList();
        model.put("affected", String.join(", ", affected));
        model.put("hasAffected", !affected.isEmpty());
        model.put("updates", incident.updates().stream().map(this::update).toList());
        return model;
    }

    private Map<String, Object> update(PublicUpdate update) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("id", update.id().toString());
        model.put("statusText", update.status().text());
        model.put("body", update.body());
        model.put("at", times.text(update.createdAt()));
        model.put("atIso", update.createdAt().toString());
        return model;
    }

    private static Reader reader(String name) {
        try {
            return new InputStreamReader(new ClassPathResource(TEMPLATES + name).getInputStream(),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("status page template " + name + " is missing", e);
        }
    }
}
