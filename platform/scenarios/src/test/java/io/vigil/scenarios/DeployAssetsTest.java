package io.vigil.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DeployAssetsTest {

    @Test
    void findsMetricNamesBehindFunctionsAggregationsAndGrouping() {
        String expr = """
                histogram_quantile(0.99, sum by (le, service) (rate(vigil_escalation_timer_lateness_seconds_bucket\
                {service=~"$service", job!="up"}[$__rate_interval]))) > 1
                  and on (job) sum without (instance) (increase(vigil_outbox_published_total[10m] offset 5m)) == 0
                  or max(vigil_incidents_open) * 1e3 or vector(1) or up == 0""";

        assertThat(DeployAssets.metricNames(expr)).containsExactlyInAnyOrder(
                "vigil_escalation_timer_lateness_seconds_bucket", "vigil_outbox_published_total",
                "vigil_incidents_open");
    }

    @Test
    void ignoresWhatIsInsideStringsMatchersAndVariables() {
        assertThat(DeployAssets.metricNames(
                "sum by (topic) (increase(kafka_producer_topic_record_send_total{topic=~\".+\\\\.dlq\"}[${window}]))"))
                .containsExactly("kafka_producer_topic_record_send_total");
        assertThat(DeployAssets.metricNames("label_replace(vigil_incidents_open, \"to\", \"$1\", \"from\", \"(.*)\")"))
                .containsExactly("vigil_incidents_open");
    }

    @Test
    void readsTheMetricOfLabelValuesVariables() {
        assertThat(DeployAssets.templateMetricNames("label_values(vigil_incident_alerts_total{job=\"x\"}, outcome)"))
                .containsExactly("vigil_incident_alerts_total");
        assertThat(DeployAssets.templateMetricNames("label_values(outcome)")).isEmpty();
    }

    @Test
    void dashboardsAndRulesQueryTheServicesMetrics() {
        Set<String> names = DeployAssets.prometheusMetricNames();

        assertThat(names).contains("vigil_incident_time_to_acknowledge_seconds_bucket",
                "vigil_incident_time_to_resolve_seconds_count", "vigil_incident_alerts_total",
                "vigil_notification_deliveries_total", "vigil_escalation_timer_lateness_seconds_bucket",
                "vigil_outbox_published_total", "resilience4j_circuitbreaker_state");
        assertThat(names).allMatch(name -> name.matches("(vigil|resilience4j|kafka)_[a-z0-9_]+"),
                "a metric the services export");
        assertThat(names).doesNotContain("up", "le", "sum", "by", "rate", "histogram_quantile", "vector");
    }

    @Test
    void turnsGrafanaMacrosIntoPlainSql() {
        String sql = DeployAssets.plainSql("""
                SELECT $__timeGroupAlias(opened_at, '1M'), $__timeGroup(coalesce(a, b), 5m) AS g, count(*)
                FROM incident.incident_response_times WHERE $__timeFilter(opened_at) AND x < $__timeTo()""");

        assertThat(sql).isEqualTo("""
                SELECT date_trunc('month', opened_at) AS "time", \
                to_timestamp(floor(extract(epoch FROM coalesce(a, b)) / 300) * 300) AS g, count(*)
                FROM incident.incident_response_times WHERE opened_at BETWEEN now() - interval '1 year' AND now() \
                AND x < now()""");
    }

    @Test
    void refusesMacrosAndVariablesItCannotTranslate() {
        assertThatThrownBy(() -> DeployAssets.plainSql("SELECT $__timeGroupAlias(t, $__interval) FROM x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DeployAssets.plainSql("SELECT * FROM x WHERE $__unknown(t)"))
                .hasMessageContaining("$__unknown");
        assertThatThrownBy(() -> DeployAssets.plainSql("SELECT * FROM x WHERE severity = $severity"))
                .hasMessageContaining("$severity");
    }

    @Test
    void dashboardsQueryTheResponseTimeViewInPlainSql() {
        List<String> queries = DeployAssets.postgresQueries();

        assertThat(queries).isNotEmpty()
                .anyMatch(sql -> sql.contains("incident.incident_response_times")
                        && sql.contains("opened_at BETWEEN now() - interval '1 year' AND now()"))
                .anyMatch(sql -> sql.contains("notification.outbox"))
                .noneMatch(sql -> sql.contains("$"));
    }

    @Test
    void everyDatasourceADashboardUsesIsProvisioned() {
        Map<String, String> provisioned = DeployAssets.provisionedDatasources();
        assertThat(provisioned).containsEntry("vigil-prometheus", "prometheus")
                .containsEntry("vigil-postgres", "grafana-postgresql-datasource");

        List<Path> dashboards = DeployAssets.dashboards();
        assertThat(dashboards).extracting(path -> path.getFileName().toString())
                .contains("vigil-response.json", "vigil-health.json");
        for (Path dashboard : dashboards) {
            assertThat(provisioned).as(dashboard.getFileName().toString())
                    .containsAllEntriesOf(DeployAssets.datasourceReferences(dashboard));
        }
    }
}
