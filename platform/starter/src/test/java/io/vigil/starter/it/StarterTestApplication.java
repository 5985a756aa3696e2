package io.vigil.starter.it;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A service with nothing but the starter, to test what the starter gives every service. */
@SpringBootApplication
public class StarterTestApplication {
}
