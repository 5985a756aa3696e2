package io.vigil.incident.communication.domain;

/** The words each template starts with, until an admin edits them; plain text, fit for Slack, SMS and e-mail. */
public final class DefaultTemplates {

    private DefaultTemplates() {
    }

    public static String of(TemplateName name) {
        return switch (name) {
            case INTERNAL_ALERT -> """
                    [{{severity}}] #{{number}} {{title}}
                    Service: {{service}} · Status: {{status}} · Open for {{duration}}
                    {{#commander}}Incident commander: {{commander}}{{/commander}}{{^commander}}No incident commander yet: take the role if you can lead.{{/commander}}
                    {{#latestNote}}Latest: {{latestNote}}{{/latestNote}}
                    """;
            case CUSTOMER_START -> """
                    Investigating: {{title}}
                    We are investigating an issue affecting {{service}}{{#impact}}: {{impact}}{{/impact}}. It started at {{openedAt}}.
                    {{#message}}{{message}}
                    {{/message}}We will post another update {{#updateCadence}}within {{updateCadence}}{{/updateCadence}}{{^updateCadence}}as soon as we know more{{/updateCadence}}.
                    """;
            case CUSTOMER_UPDATE -> """
                    Update: {{title}}
                    {{#message}}{{message}}{{/message}}{{^message}}We are still working on the issue affecting {{service}}.{{/message}}
                    Current status: {{status}}.{{#updateCadence}} Next update within {{updateCadence}}.{{/updateCadence}}
                    """;
            case CUSTOMER_RESOLVED -> """
                    Resolved: {{title}}
                    The issue affecting {{service}} has been resolved{{#resolvedAt}} as of {{resolvedAt}}{{/resolvedAt}}. It lasted {{duration}}.
                    {{#message}}{{message}}
                    {{/message}}We are sorry for the disruption and will share what we learn.
                    """;
            case EXECUTIVE_BRIEFING -> """
                    Executive briefing: #{{number}} {{title}} ({{severity}})
                    Service: {{service}}
                    Status: {{status}}, open since {{openedAt}} ({{duration}})
                    Impact: {{#impact}}{{impact}}{{/impact}}{{^impact}}being assessed{{/impact}}
                    Incident commander: {{#commander}}{{commander}}{{/commander}}{{^commander}}not assigned{{/commander}}
                    Latest: {{#latestNote}}{{latestNote}}{{/latestNote}}{{^latestNote}}no update yet{{/latestNote}}
                    {{#message}}{{message}}{{/message}}
                    """;
        };
    }
}
