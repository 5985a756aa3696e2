package io.vigil.notification.contact.application;

import java.util.List;

/** Contact methods or rules that cannot be applied; nothing was changed. */
public class InvalidContacts extends RuntimeException {

    /** One broken rule: where and what. */
    public record Problem(String field, String message) {
    }

    private final List<Problem> problems;

    public InvalidContacts(List<Problem> problems) {
        super(problems.stream().map(p -> p.field() + " " + p.message()).reduce((a, b) -> a + "; " + b).orElse(""));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
