package io.vigil.incident.sla.adapter.web;

import io.vigil.incident.incident.domain.Severity;
import io.vigil.incident.sla.application.ReportSla;
import io.vigil.incident.sla.application.SetSlaPolicy;
import io.vigil.incident.sla.application.SlaPolicies;
import io.vigil.incident.sla.domain.SlaReport;
import io.vigil.starter.security.ApiCaller;
import io.vigil.starter.web.InvalidField;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A service's SLA: its policy ({@code GET}, and {@code PUT} for admins) and its report for a calendar month
 * ({@code ?month=2026-11}) or a rolling window ({@code ?window=30d}, the default), as JSON or Markdown.
 */
@RestController
@RequestMapping("/v1/services/{service}")
class SlaController {

    static final String MARKDOWN = "text/markdown";
    private static final Pattern WINDOW = Pattern.compile("([1-9][0-9]{0,4})([dhm])");
    private static final Duration LONGEST_WINDOW = Duration.ofDays(400);

    private final SlaPolicies policies;
    private final SetSlaPolicy setPolicy;
    private final ReportSla reports;

    SlaController(SlaPolicies policies, SetSlaPolicy setPolicy, ReportSla reports) {
        this.policies = policies;
        this.setPolicy = setPolicy;
        this.reports = reports;
    }

    /**
     * A policy as set through the API; anything left out comes from the configuration.
     *
     * @param tier               a configured tier ({@code premium}, {@code standard}, {@code basic}...)
     * @param availabilityTarget percent, over the tier's
     * @param responseTargets    ISO-8601 durations by severity ({@code {"SEV1": "PT5M"}})
     * @param resolutionTargets  likewise
     */
    record PolicyRequest(@Size(max = 64) String tier,
            @DecimalMin(value = "0", inclusive = false) @DecimalMax(value = "100", inclusive = false)
            Double availabilityTarget, Map<Severity, Duration> responseTargets,
            Map<Severity, Duration> resolutionTargets) {
    }

    /** The policy in force; durations in minutes. */
    record PolicyView(String service, String source, String tier, double availabilityTarget,
            Map<Severity, Double> responseTargetMinutes, Map<Severity, Double> resolutionTargetMinutes,
            Instant updatedAt, String updatedBy) {

        static PolicyView of(SlaPolicies.Effective effective) {
            var policy = effective.policy();
            return new PolicyView(policy.service(), effective.source().name().toLowerCase(java.util.Locale.ROOT),
                    policy.tier(), policy.availabilityTarget(), minutes(policy.responseTargets()),
                    minutes(policy.resolutionTargets()),
                    effective.stored().map(stored -> stored.updatedAt()).orElse(null),
                    effective.stored().map(stored -> stored.updatedBy()).orElse(null));
        }

        private static Map<Severity, Double> minutes(Map<Severity, Duration> targets) {
            Map<Severity, Double> minutes = new EnumMap<>(Severity.class);
            targets.forEach((severity, target) -> minutes.put(severity, target.toMillis() / 60_000.0));
            return minutes;
        }
    }

    @GetMapping("/sla-policy")
    @Transactional(readOnly = true)
    PolicyView policy(@PathVariable String service) {
        return PolicyView.of(policies.of(service));
    }

    @PutMapping("/sla-policy")
    PolicyView setPolicy(@PathVariable String service, @Valid @RequestBody PolicyRequest request,
            @AuthenticationPrincipal ApiCaller caller) {
        if (request.tier() != null && !policies.knowsTier(request.tier())) {
            throw InvalidField.of("tier", "is not a configured tier");
        }
        checkTargets("responseTargets", request.responseTargets());
        checkTargets("resolutionTargets", request.resolutionTargets());
        return PolicyView.of(setPolicy.set(new SetSlaPolicy.Command(service, request.tier(),
                request.availabilityTarget(), request.responseTargets(), request.resolutionTargets(),
                caller.name())));
    }

    @GetMapping(path = "/sla", produces = MediaType.APPLICATION_JSON_VALUE)
    SlaReport report(@PathVariable String service, @RequestParam(required = false) String month,
            @RequestParam(required = false) String window) {
        if (month != null && window != null) {
            throw InvalidField.of("window", "cannot be combined with 'month'");
        }
        if (month != null) {
            YearMonth yearMonth = month(month);
            if (!reports.hasStarted(yearMonth)) {
                throw InvalidField.of("month", "has not started yet");
            }
            return reports.forMonth(service, yearMonth);
        }
        return reports.forWindow(service, window == null ? null : window(window));
    }

    @GetMapping(path = "/sla", produces = MARKDOWN)
    String markdown(@PathVariable String service, @RequestParam(required = false) String month,
            @RequestParam(required = false) String window) {
        return SlaMarkdown.render(report(service, month, window));
    }

    private static void checkTargets(String field, Map<Severity, Duration> targets) {
        if (targets == null) {
            return;
        }
        targets.forEach((severity, target) -> {
            if (target == null || target.isNegative() || target.isZero()) {
                throw InvalidField.of(field + "." + severity, "must be a positive ISO-8601 duration such as PT15M");
            }
        });
    }

    private static YearMonth month(String month) {
        try {
            return YearMonth.parse(month.strip());
        } catch (DateTimeParseException e) {
            throw InvalidField.of("month", "must be a calendar month such as 2026-11");
        }
    }

    private static Duration window(String window) {
        Matcher matcher = WINDOW.matcher(window.strip());
        if (!matcher.matches()) {
            throw InvalidField.of("window", "must be a number of days, hours or minutes such as 30d, 12h or 90m");
        }
        long amount = Long.parseLong(matcher.group(1));
        Duration length = switch (matcher.group(2)) {
            case "d" -> Duration.ofDays(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofMinutes(amount);
        };
        if (length.compareTo(LONGEST_WINDOW) > 0) {
            throw InvalidField.of("window", "must be at most 400d");
        }
        return length;
    }
}
