package io.vigil.escalation.oncall.domain;

/** Whom a policy level pages. */
public sealed interface Target {

    /** How the reason of a page names this target: {@code user}, {@code schedule:<id>}, {@code team:<id>}. */
    String reason();

    /** A named person. */
    record UserTarget(String userId) implements Target {
        @Override
        public String reason() {
            return "user";
        }
    }

    /** Whoever the schedule has on call at the moment the level fires. */
    record ScheduleTarget(String scheduleId) implements Target {
        @Override
        public String reason() {
            return "schedule:" + scheduleId;
        }
    }

    /** Every member of the team, or one of them in turn. */
    record TeamTarget(String teamId, TeamMode mode) implements Target {
        @Override
        public String reason() {
            return "team:" + teamId;
        }
    }

    /** {@code ALL} pages every member; {@code ROUND_ROBIN} one, the next one each incident and round. */
    enum TeamMode { ALL, ROUND_ROBIN }
}
