package io.vigil.incident;

import io.vigil.testkit.ServiceSmokeChecks;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(classes = IncidentCoreApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=incident-core")
class IncidentCoreApplicationIT extends ServiceSmokeChecks {
}
