package io.vigil.ingestion.alertmanager.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.contracts.AlertSeverity;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertmanagerControllerTest {

    @Test
    void summaryIsTheSummaryAnnotationElseTheDescriptionElseTheAlertName() {
        assertThat(AlertmanagerController.summaryOf(Map.of("alertname", "A"), Map.of("summary", "S", "description", "D")))
                .isEqualTo("S");
        assertThat(AlertmanagerController.summaryOf(Map.of("alertname", "A"), Map.of("description", " D ")))
                .isEqualTo("D");
        assertThat(AlertmanagerController.summaryOf(Map.of("alertname", "A"), Map.of())).isEqualTo("A");
        assertThat(AlertmanagerController.summaryOf(Map.of(), Map.of("summary", "x".repeat(2000))))
                .hasSize(1024).endsWith("…");
    }

    @Test
    void prometheusSeverityWordsMapToVigilsScale() {
        assertThat(AlertmanagerController.severityOf("critical")).isEqualTo(AlertSeverity.CRITICAL);
        assertThat(AlertmanagerController.severityOf("page")).isEqualTo(AlertSeverity.CRITICAL);
        assertThat(AlertmanagerController.severityOf("Warning")).isEqualTo(AlertSeverity.WARNING);
        assertThat(AlertmanagerController.severityOf("info")).isEqualTo(AlertSeverity.INFO);
        assertThat(AlertmanagerController.severityOf("major")).isEqualTo(AlertSeverity.ERROR);
        assertThat(AlertmanagerController.severityOf(null)).isEqualTo(AlertSeverity.ERROR);
    }
}
