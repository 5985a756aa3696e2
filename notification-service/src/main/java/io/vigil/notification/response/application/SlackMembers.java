package io.vigil.notification.response.application;

import java.util.Optional;

/** Which Vigil user a Slack member is. */
public interface SlackMembers {

    /** From the user's Slack contact method, else from the Slack id their pages carried. */
    Optional<String> vigilUser(String slackMemberId);
}
