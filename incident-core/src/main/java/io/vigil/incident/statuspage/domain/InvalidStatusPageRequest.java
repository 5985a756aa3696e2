package io.vigil.incident.statuspage.domain;

/** A request the status page refuses; it names the field at fault and the rule it broke. */
public class InvalidStatusPageRequest extends RuntimeException {

    private final String field;

    public InvalidStatusPageRequest(String field, String rule) {
        super(rule);
        this.field = field;
    }

    public String field() {
        return field;
    }

    public String rule() {
        return getMessage();
    }
}
