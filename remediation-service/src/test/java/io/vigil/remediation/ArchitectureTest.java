package io.vigil.remediation;

import io.vigil.testkit.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void codeKeepsTheRingsOfStyleMd() {
        ArchitectureRules.check("io.vigil.remediation");
    }
}
