package io.vigil.incident.communication.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.incident.communication.domain.DefaultTemplates;
import io.vigil.incident.communication.domain.Placeholder;
import io.vigil.incident.communication.domain.TemplateName;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateEngineTest {

    @Test
    void everyDefaultTemplateUsesOnlyKnownPlaceholders() {
        for (TemplateName name : TemplateName.values()) {
            TemplateEngine.compile(DefaultTemplates.of(name));
        }
    }

    @Test
    void anUnknownPlaceholderIsNamedEvenInsideASection() {
        assertThatThrownBy(() -> TemplateEngine.compile("{{#commander}}led by {{commandr}}{{/commander}}"))
                .isInstanceOfSatisfying(InvalidTemplate.class, invalid -> {
                    assertThat(invalid.placeholder()).isEqualTo("commandr");
                    assertThat(invalid.field()).isEqualTo("body");
                });
    }

    @Test
    void anEmptyValueHidesItsSectionAndShowsItsInvertedOne() {
        String body = "{{#commander}}IC {{commander}}{{/commander}}{{^commander}}no IC{{/commander}} <{{title}}>";

        assertThat(TemplateEngine.render(body, Map.of(Placeholder.COMMANDER, "", Placeholder.TITLE, "a & b")))
                .isEqualTo("no IC <a & b>");
        assertThat(TemplateEngine.render(body, Map.of(Placeholder.COMMANDER, "erin", Placeholder.TITLE, "x")))
                .isEqualTo("IC erin <x>");
    }

    @Test
    void durationsReadAsPeopleSayThem() {
        assertThat(RenderCommunication.human(Duration.ofMinutes(45))).isEqualTo("45 min");
        assertThat(RenderCommunication.human(Duration.ofMinutes(120))).isEqualTo("2 h");
        assertThat(RenderCommunication.human(Duration.ofMinutes(80))).isEqualTo("1 h 20 min");
        assertThat(RenderCommunication.human(Duration.ofHours(76))).isEqualTo("3 d 4 h");
    }
}
