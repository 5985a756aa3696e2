package io.vigil.remediation.runbook.application;

import java.util.List;

/** A runbook was refused; nothing of it was stored. */
public class InvalidRunbook extends RuntimeException {

    private final transient List<RunbookProblem> problems;

    public InvalidRunbook(List<RunbookProblem> problems) {
        super(problems.size() + " problem(s) in the runbook: " + problems);
        this.problems = List.copyOf(problems);
    }

    public List<RunbookProblem> problems() {
        return problems;
    }
}
