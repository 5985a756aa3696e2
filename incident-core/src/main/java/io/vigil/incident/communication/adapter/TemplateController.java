package io.vigil.incident.communication.adapter;

import io.vigil.incident.communication.application.InvalidTemplate;
import io.vigil.incident.communication.application.ManageTemplates;
import io.vigil.incident.communication.application.RenderCommunication;
import io.vigil.incident.communication.domain.CommunicationTemplate;
import io.vigil.incident.communication.domain.Placeholder;
import io.vigil.incident.communication.domain.TemplateName;
import io.vigil.starter.security.ApiCaller;
import io.vigil.starter.web.InvalidField;
import io.vigil.starter.web.ResourceNotFound;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Communication templates: read by anyone with a token, edited by admins ({@code /v1/templates/**} is an admin
 * path), rendered for an incident by responders ({@code POST}) or viewers ({@code GET}).
 */
@RestController
class TemplateController {

    /** A template with what it is for and the placeholders it may use. */
    record TemplateView(String name, String purpose, String body, boolean custom, Instant updatedAt,
            String updatedBy, Map<String, String> placeholders) {

        static TemplateView of(CommunicationTemplate template) {
            Map<String, String> placeholders = new LinkedHashMap<>();
            Arrays.stream(Placeholder.values()).forEach(p -> placeholders.put(p.key(), p.description()));
            return new TemplateView(template.name().label(), template.name().purpose(), template.body(),
                    template.custom(), template.updatedAt(), template.updatedBy(), placeholders);
        }
    }

    record EditRequest(@NotNull @Size(max = 16384) String body) {
    }

    /** The rendered words. */
    record Rendered(UUID incidentId, String template, String text) {
    }

    private final ManageTemplates templates;
    private final RenderCommunication render;

    TemplateController(ManageTemplates templates, RenderCommunication render) {
        this.templates = templates;
        this.render = render;
    }

    @GetMapping("/v1/templates")
    List<TemplateView> all() {
        return templates.all().stream().map(TemplateView::of).toList();
    }

    @GetMapping("/v1/templates/{name}")
    TemplateView get(@PathVariable String name) {
        return TemplateView.of(templates.get(name(name)));
    }

    /** Replaces the template's words; refused with 400 naming the placeholder when one is unknown. */
    @PutMapping("/v1/templates/{name}")
    TemplateView edit(@PathVariable String name, @Valid @RequestBody EditRequest body,
            @AuthenticationPrincipal ApiCaller caller) {
        return TemplateView.of(templates.edit(name(name), body.body(), caller.actor()));
    }

    /** Back to the built-in words. */
    @DeleteMapping("/v1/templates/{name}")
    TemplateView reset(@PathVariable String name) {
        return TemplateView.of(templates.reset(name(name)));
    }

    /** Renders the template for the incident; the body may give {@code message} and {@code impact}. */
    @PostMapping("/v1/incidents/{id}/communications/{template}")
    Rendered render(@PathVariable UUID id, @PathVariable String template,
            @RequestBody(required = false) Map<String, String> given) {
        return new Rendered(id, template, render.render(new RenderCommunication.Command(id, name(template), given)));
    }

    /** The same for readers: {@code message} and {@code impact} as query parameters. */
    @GetMapping("/v1/incidents/{id}/communications/{template}")
    Rendered preview(@PathVariable UUID id, @PathVariable String template,
            @RequestParam Map<String, String> given) {
        return render(id, template, given);
    }

    @ExceptionHandler(InvalidTemplate.class)
    ProblemDetail invalid(InvalidTemplate invalid) {
        ProblemDetail problem = InvalidField.problem(invalid.field(), invalid.getMessage());
        if (invalid.placeholder() != null) {
            problem.setProperty("placeholder", invalid.placeholder());
        }
        return problem;
    }

    private static TemplateName name(String label) {
        return TemplateName.of(label).orElseThrow(() -> new ResourceNotFound("template", label));
    }
}
