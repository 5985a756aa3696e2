package io.vigil.incident.communication.application;

/**
 * A template (or a value given to render it) that cannot be used.
 *
 * @see #placeholder()
 */
public class InvalidTemplate extends RuntimeException {

    private final String field;
    private final String placeholder;

    public InvalidTemplate(String field, String placeholder, String message) {
        super(message);
        this.field = field;
        this.placeholder = placeholder;
    }

    /** The request field at fault: {@code body} for a template, the variable's name for a rendering value. */
    public String field() {
        return field;
    }

    /** The placeholder at fault, or {@code null} for a syntax error. */
    public String placeholder() {
        return placeholder;
    }
}
