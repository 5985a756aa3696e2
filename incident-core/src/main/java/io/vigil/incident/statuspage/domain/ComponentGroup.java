package io.vigil.incident.statuspage.domain;

import java.time.Instant;
import java.util.UUID;

/** A heading components are listed under ("API", "Europe"). */
public record ComponentGroup(UUID id, String name, int position, Instant createdAt) {
}
