package io.vigil.escalation.oncall.domain;

import java.util.List;
import java.util.Objects;

/** People who answer for something together, in a fixed order (the order round-robin follows). */
public record Team(String id, String name, List<Member> members) {

    public Team {
        Objects.requireNonNull(id, "id");
        members = List.copyOf(members);
    }

    /**
     * @param role what the member does in the team, e.g. {@code lead}, {@code responder}
     */
    public record Member(String userId, String role) {
    }

    public List<String> userIds() {
        return members.stream().map(Member::userId).toList();
    }
}
