package io.vigil.notification;

import io.vigil.testkit.ServiceSmokeChecks;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(classes = NotificationApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=notification-service")
class NotificationApplicationIT extends ServiceSmokeChecks {
}
