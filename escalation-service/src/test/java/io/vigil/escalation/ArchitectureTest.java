package io.vigil.escalation;

import io.vigil.testkit.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void codeKeepsTheRingsOfStyleMd() {
        ArchitectureRules.check("io.vigil.escalation");
    }
}
