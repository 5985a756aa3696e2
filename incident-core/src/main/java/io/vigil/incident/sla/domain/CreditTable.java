package io.vigil.incident.sla.domain;

import java.util.Comparator;
import java.util.List;

/**
 * Service credits: availability below a step's threshold owes that step's credit; the lowest threshold passed
 * wins, so with the default table 98.7 % owes 25 %, not 10 %.
 */
public record CreditTable(List<Step> steps) {

    /**
     * @param below  availability in percent under which the credit is owed
     * @param credit credit in percent of the month's charge
     */
    public record Step(double below, double credit) {

        public Step {
            if (!(below > 0 && below <= 100)) {
                throw new IllegalArgumentException("a credit threshold is a percentage above 0 and at most 100");
            }
            if (credit < 0 || credit > 100) {
                throw new IllegalArgumentException("a credit is a percentage from 0 to 100");
            }
        }
    }

    public CreditTable {
        steps = steps.stream().sorted(Comparator.comparingDouble(Step::below).reversed()).toList();
    }

    /** &lt; 99.9 % → 10 %, &lt; 99.0 % → 25 %, &lt; 95.0 % → 50 %, &lt; 90.0 % → 100 %. */
    public static CreditTable defaults() {
        return new CreditTable(List.of(new Step(99.9, 10), new Step(99.0, 25), new Step(95.0, 50),
                new Step(90.0, 100)));
    }

    /** Credit in percent owed for this availability; 0 when no threshold is passed. */
    public double creditFor(double availabilityPercent) {
        return steps.stream().filter(step -> availabilityPercent < step.below()).mapToDouble(Step::credit).max()
                .orElse(0);
    }
}
