package io.vigil.escalation.oncall.domain;

import java.time.Instant;

/** Someone on call over a half-open interval: a block of the on-call calendar. */
public record Shift(String userId, Instant start, Instant end) {
}
