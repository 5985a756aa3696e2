package io.vigil.contracts;

/**
 * Who caused a change, for the timeline.
 *
 * @param kind {@code user}, {@code integration}, {@code system}...
 * @param id   the user id, integration name or component
 * @param via  the channel it came through: {@code rest}, {@code slack}, {@code sms}, {@code pagerduty}...
 */
public record Actor(String kind, String id, String via) {

    public static Actor system(String component) {
        return new Actor("system", component, "internal");
    }
}
