package io.vigil.incident.sla.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CreditTableTest {

    private final CreditTable defaults = CreditTable.defaults();

    @Test
    void meetingTheTopThresholdOwesNothing() {
        assertThat(defaults.creditFor(100.0)).isZero();
        assertThat(defaults.creditFor(99.9)).isZero();
    }

    @Test
    void eachStepOwesItsCreditAndTheLowestThresholdPassedWins() {
        assertThat(defaults.creditFor(99.89)).isEqualTo(10);
        assertThat(defaults.creditFor(99.0)).isEqualTo(10);
        assertThat(defaults.creditFor(98.99)).isEqualTo(25);
        assertThat(defaults.creditFor(95.0)).isEqualTo(25);
        assertThat(defaults.creditFor(94.99)).isEqualTo(50);
        assertThat(defaults.creditFor(90.0)).isEqualTo(50);
        assertThat(defaults.creditFor(89.99)).isEqualTo(100);
        assertThat(defaults.creditFor(0)).isEqualTo(100);
    }

    @Test
    void aConfiguredTableIsUsedWhateverTheOrderOfItsSteps() {
        CreditTable table = new CreditTable(List.of(new CreditTable.Step(99.0, 30), new CreditTable.Step(99.95, 5)));

        assertThat(table.creditFor(99.97)).isZero();
        assertThat(table.creditFor(99.5)).isEqualTo(5);
        assertThat(table.creditFor(98.0)).isEqualTo(30);
    }
}
