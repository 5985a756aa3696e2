package io.vigil.remediation;

import io.vigil.testkit.ServiceSmokeChecks;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(classes = RemediationApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=remediation-service")
class RemediationApplicationIT extends ServiceSmokeChecks {
}
