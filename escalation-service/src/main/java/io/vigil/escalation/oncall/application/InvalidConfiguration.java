package io.vigil.escalation.oncall.application;

import java.util.List;

/** A configuration document was refused; nothing of it was applied. */
public class InvalidConfiguration extends RuntimeException {

    private final transient List<ConfigProblem> problems;

    public InvalidConfiguration(List<ConfigProblem> problems) {
        super(problems.size() + " problem(s) in the escalation configuration: " + problems);
        this.problems = List.copyOf(problems);
    }

    public List<ConfigProblem> problems() {
        return problems;
    }
}
