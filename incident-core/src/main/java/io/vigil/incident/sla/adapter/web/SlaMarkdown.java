package io.vigil.incident.sla.adapter.web;

import io.vigil.incident.sla.domain.Period;
import io.vigil.incident.sla.domain.SlaReport;
import java.util.List;
import java.util.Locale;

/** An SLA report as a Markdown document a team can paste into its wiki or a customer letter. */
final class SlaMarkdown {

    private SlaMarkdown() {
    }

    static String render(SlaReport report) {
        StringBuilder md = new StringBuilder();
        String what = report.period().kind() == Period.Kind.MONTH ? "month " + report.period().label()
                : "the last " + report.period().label();
        md.append("# SLA report: ").append(report.service()).append(", ").append(what).append("\n\n");
        md.append("Period: ").append(report.period().from()).append(" to ").append(report.period().to())
                .append(" (").append(number(minutes(report), 0)).append(" min)\n\n");
        if (report.inProgress()) {
            md.append("**In progress:** figures are up to ").append(report.measuredUntil())
                    .append("; the budget is the whole period's.\n\n");
        }
        md.append("Policy: tier ").append(report.policy().tier()).append(", availability target ")
                .append(number(report.policy().availabilityTarget(), 4)).append(" %\n\n");
        md.append("| | |\n|---|---|\n");
        row(md, "Availability", number(report.availabilityPercent(), 4) + " %");
        row(md, "Downtime", number(report.downtimeMinutes(), 1) + " min");
        SlaReport.ErrorBudget budget = report.budget();
        row(md, "Error budget", number(budget.totalMinutes(), 1) + " min");
        row(md, "Budget spent", number(budget.spentMinutes(), 1) + " min (" + number(budget.spentPercent(), 1)
                + " %)");
        row(md, "Budget left", number(budget.leftMinutes(), 1) + " min (" + number(budget.leftPercent(), 1)
                + " %)");
        row(md, "Burn rate", number(report.burnRate(), 2));
        row(md, "Service credit", number(report.creditPercent(), 0) + " %");
        md.append("\n## Customer-impacting incidents\n\n");
        if (report.impacts().isEmpty()) {
            md.append("None.\n");
        } else {
            md.append("| Incident | Start | End | Minutes in period |\n|---|---|---|---|\n");
            for (SlaReport.Impact impact : report.impacts()) {
                md.append("| #").append(impact.number()).append(" | ").append(impact.start()).append(" | ")
                        .append(impact.ongoing() ? "ongoing" : impact.end().toString()).append(" | ")
                        .append(number(impact.minutesInPeriod(), 1)).append(" |\n");
            }
        }
        md.append("\n## Response and resolution targets\n\n");
        md.append("| Severity | Incidents | Response target | Response breaches | Resolution target | "
                + "Resolution breaches |\n|---|---|---|---|---|---|\n");
        for (SlaReport.SeverityBreaches severity : report.breaches()) {
            md.append("| ").append(severity.severity()).append(" | ").append(severity.incidents()).append(" | ")
                    .append(number(severity.responseTargetMinutes(), 0)).append(" min | ")
                    .append(breaches(severity.response())).append(" | ")
                    .append(number(severity.resolutionTargetMinutes(), 0)).append(" min | ")
                    .append(breaches(severity.resolution())).append(" |\n");
        }
        return md.toString();
    }

    private static String breaches(List<SlaReport.Breach> breaches) {
        if (breaches.isEmpty()) {
            return "none";
        }
        StringBuilder text = new StringBuilder();
        for (SlaReport.Breach breach : breaches) {
            if (!text.isEmpty()) {
                text.append(", ");
            }
            text.append('#').append(breach.number()).append(" (").append(number(breach.actualMinutes(), 1))
                    .append(" min").append(breach.ongoing() ? ", ongoing" : "").append(')');
        }
        return text.toString();
    }

    private static void row(StringBuilder md, String name, String value) {
        md.append("| ").append(name).append(" | ").append(value).append(" |\n");
    }

    private static double minutes(SlaReport report) {
        return report.period().length().toMillis() / 60_000.0;
    }

    private static String number(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
