package io.vigil.remediation.run.application;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 409: what was asked does not fit where the run is (approving a run that waits for nothing, cancelling one
 * that ended) or a guardrail refuses it. */
public class RunConflict extends ErrorResponseException {

    public RunConflict(String detail) {
        super(HttpStatus.CONFLICT, problem(detail), null);
    }

    private static ProblemDetail problem(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail);
        problem.setTitle("Not possible now");
        return problem;
    }
}
