package eu.drugsplan.common.rest;

import eu.drugsplan.contracts.problem.Problem;

/** Thrown by services for a request that is unusable as a whole; mapped to its problem document. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
