package io.vigil.incident.communication.domain;

import java.util.Arrays;
import java.util.Optional;

/** The communications Vigil has a template for. */
public enum TemplateName {
    INTERNAL_ALERT("internal-alert", "to responders and the company: an incident is on"),
    CUSTOMER_START("customer-start", "to customers: we are investigating"),
    CUSTOMER_UPDATE("customer-update", "to customers: where it stands"),
    CUSTOMER_RESOLVED("customer-resolved", "to customers: it is over"),
    EXECUTIVE_BRIEFING("executive-briefing", "to leadership: impact, status and who leads");

    private final String label;
    private final String purpose;

    TemplateName(String label, String purpose) {
        this.label = label;
        this.purpose = purpose;
    }

    /** The name in the API: {@code customer-update}. */
    public String label() {
        return label;
    }

    public String purpose() {
        return purpose;
    }

    public static Optional<TemplateName> of(String label) {
        return Arrays.stream(values()).filter(name -> name.label.equals(label)).findFirst();
    }
}
