package io.vigil.starter.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.starter.security.ApiCaller;
import io.vigil.testkit.HttpProbe;
import io.vigil.testkit.Infrastructure;
import io.vigil.testkit.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What a caller of any Vigil service sees of API authentication, over real HTTP. */
@SpringBootTest(classes = StarterTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.application.name=starter-security-it", "vigil.service.schema=starter_security_it",
                "vigil.security.public-paths=/open/**", "vigil.security.admin-paths=/config/**"})
@Import(ApiSecurityIT.Endpoints.class)
class ApiSecurityIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        Infrastructure.shared().springProperties("starter").forEach((key, value) -> registry.add(key, () -> value));
    }

    @LocalServerPort
    int port;

    /** Endpoints of a made-up service: a read, an action, a configuration change and an open door. */
    @RestController
    static class Endpoints {

        @GetMapping("/things")
        String read(@AuthenticationPrincipal ApiCaller caller) {
            return "read by " + caller.name();
        }

        @PostMapping("/things/acknowledge")
        String act(@AuthenticationPrincipal ApiCaller caller, @RequestParam(defaultValue = "1") int times) {
            return "acknowledged by " + caller.actor().id() + " as " + caller.role().label();
        }

        @PutMapping("/config/things")
        String configure() {
            return "configured";
        }

        @PostMapping("/open/alerts")
        String intake() {
            return "accepted without an API token";
        }
    }

    private HttpProbe anonymous() {
        return HttpProbe.localhost(port);
    }

    private HttpProbe as(String token) {
        return anonymous().withToken(token);
    }

    @Test
    void aRequestWithoutATokenGets401AsAProblemDocument() {
        HttpProbe.Response response = anonymous().get("/things");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"vigil\"");
        assertThat(response.body()).contains("\"status\":401").contains("needs an API token")
                .contains("\"instance\":\"/things\"");
    }

    @Test
    void anUnknownTokenGets401SayingTheTokenIsNotRegistered() {
        HttpProbe.Response response = as("not-a-token").get("/things");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.body()).contains("not a registered API token");
    }

    @Test
    void aViewerMayReadButNotAct() {
        assertThat(as(TestTokens.VIEWER).get("/things").body()).isEqualTo("read by test-viewer");

        HttpProbe.Response refused = as(TestTokens.VIEWER).postJson("/things/acknowledge", "{}");

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.body()).contains("\"status\":403")
                .contains("The API token 'test-viewer' has the role viewer; POST /things/acknowledge needs the role responder.");
    }

    @Test
    void aResponderMayActAndIsNamedAsTheActorButMayNotChangeConfiguration() {
        HttpProbe.Response acted = as(TestTokens.RESPONDER).postJson("/things/acknowledge", "{}");
        assertThat(acted.status()).isEqualTo(200);
        assertThat(acted.body()).isEqualTo("acknowledged by test-responder as responder");

        HttpProbe.Response refused = as(TestTokens.RESPONDER).putJson("/config/things", "{}");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("needs the role admin");
    }

    @Test
    void anAdminMayDoEverything() {
        assertThat(as(TestTokens.ADMIN).get("/things").status()).isEqualTo(200);
        assertThat(as(TestTokens.ADMIN).postJson("/things/acknowledge", "{}").body())
                .isEqualTo("acknowledged by test-admin as admin");
        assertThat(as(TestTokens.ADMIN).putJson("/config/things", "{}").body()).isEqualTo("configured");
    }

    @Test
    void publicDoorsHealthAndMetricsNeedNoTokenEvenWithForeignBearerCredentials() {
        assertThat(anonymous().postJson("/open/alerts", "{}").status()).isEqualTo(200);
        assertThat(as("an-integration-key").postJson("/open/alerts", "{}").status()).isEqualTo(200);
        assertThat(anonymous().get("/actuator/health/liveness").status()).isEqualTo(200);
        assertThat(anonymous().get("/actuator/prometheus").status()).isEqualTo(200);
    }

    @Test
    void errorsOfAnAuthorisedRequestReachTheCallerAsThemselvesNot401() {
        HttpProbe.Response response = as(TestTokens.RESPONDER).postJson("/things/acknowledge?times=many", "{}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void aMissingPathIs404ForACallerWithAToken() {
        assertThat(as(TestTokens.VIEWER).get("/nothing-here").status()).isEqualTo(404);
    }
}
