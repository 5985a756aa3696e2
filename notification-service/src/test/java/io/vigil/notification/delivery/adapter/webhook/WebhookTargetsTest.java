package io.vigil.notification.delivery.adapter.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookTargetsTest {

    private final WebhookTargets targets = new WebhookTargets(List.of("10.1.2.3", "hooks.internal"));

    @Test
    void loopbackPrivateLinkLocalAndSharedAddressesAreRefused() {
        for (String url : List.of("http://127.0.0.1/h", "http://localhost:8080/h", "http://10.9.9.9/h",
                "http://172.16.0.1/h", "http://192.168.1.1/h", "http://169.254.169.254/latest/meta-data",
                "http://100.64.0.1/h", "http://[::1]/h", "http://[fd00::1]/h", "http://0.0.0.0/h")) {
            assertThat(targets.refusal(URI.create(url))).as(url).isPresent();
        }
    }

    @Test
    void publicAddressesAndAllowListedHostsMayBeCalled() {
        assertThat(targets.refusal(URI.create("https://93.184.216.34/hook"))).isEmpty();
        assertThat(targets.refusal(URI.create("http://10.1.2.3:9000/hook"))).isEmpty();
    }

    @Test
    void onlyHttpAndHttpsAreCalled() {
        assertThat(targets.refusal(URI.create("file:///etc/passwd"))).contains("webhook URL must be http or https");
        assertThat(targets.refusal(URI.create("gopher://93.184.216.34/"))).isPresent();
    }
}
