package io.vigil.notification.response.adapter.persistence;

import io.vigil.notification.response.application.SlackMembers;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class JdbcSlackMembers implements SlackMembers {

    private final JdbcTemplate jdbc;

    JdbcSlackMembers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> vigilUser(String slackMemberId) {
        // A configured Slack contact method wins; otherwise the person whose pages carried this Slack id.
        return jdbc.queryForList("""
                select user_id from (
                    select user_id, 0 as rank from contact_method where channel = 'SLACK' and address = ?
                    union all
                    select user_id, 1 as rank from delivery where slack_user = ?) candidates
                order by rank, user_id limit 1""", String.class, slackMemberId, slackMemberId).stream().findFirst();
    }
}
