package io.vigil.notification.delivery.adapter.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.LayoutBlock;
import io.vigil.notification.delivery.domain.Delivery;
import io.vigil.notification.delivery.domain.PageText;
import java.util.List;

/**
 * Block Kit of a page, of the page once the incident moved on (button values carry the incident id), and of a
 * remediation run asking for approval (button values carry the run id).
 */
final class SlackMessages {

    /** Action ids of the buttons, read back by the interactions endpoint. */
    static final String ACKNOWLEDGE = "acknowledge";
    static final String RESOLVE = "resolve";
    static final String ESCALATE = "escalate";
    static final String APPROVE_RUN = "remediation-approve";
    static final String REJECT_RUN = "remediation-reject";

    private final PageText text;

    SlackMessages(PageText text) {
        this.text = text;
    }

    List<LayoutBlock> page(Delivery delivery) {
        String incidentId = delivery.incidentId().toString();
        if (PageText.hasNote(delivery)) {
            return List.of(
                    header(h -> h.text(plainText(truncate("Reminder: " + delivery.incidentCode() + " "
                            + nullSafe(delivery.title()), 150)))),
                    section(s -> s.text(markdownText(truncate(delivery.note(), 3000)))),
                    actions(a -> a.blockId("incident:" + incidentId).elements(List.of(
                            button(b -> b.actionId(ACKNOWLEDGE).text(plainText("Acknowledge")).value(incidentId)
                                    .style("primary")),
                            button(b -> b.actionId(RESOLVE).text(plainText("Resolve")).value(incidentId))))),
                    context(c -> c.elements(List.of(markdownText("Reminded: " + nullSafe(delivery.userName())
                            + " · <" + text.incidentUrl(delivery) + "|" + delivery.incidentCode() + ">")))));
        }
        return List.of(
                header(h -> h.text(plainText(truncate(delivery.incidentCode() + " " + nullSafe(delivery.title()), 150)))),
                section(s -> s.fields(List.of(
                        markdownText("*Severity*\n" + nullSafe(delivery.severity())),
                        markdownText("*Service*\n" + nullSafe(delivery.service())),
                        markdownText("*Urgency*\n" + nullSafe(delivery.urgency()).toLowerCase(java.util.Locale.ROOT)),
                        markdownText("*Incident*\n<" + text.incidentUrl(delivery) + "|" + delivery.incidentCode()
                                + ">")))),
                actions(a -> a.blockId("incident:" + incidentId).elements(List.of(
                        button(b -> b.actionId(ACKNOWLEDGE).text(plainText("Acknowledge")).value(incidentId)
                                .style("primary")),
                        button(b -> b.actionId(RESOLVE).text(plainText("Resolve")).value(incidentId)),
                        button(b -> b.actionId(ESCALATE).text(plainText("Escalate")).value(incidentId)
                                .style("danger"))))),
                context(c -> c.elements(List.of(markdownText("Paged: " + nullSafe(delivery.userName()))))));
    }

    /** A run's approval step: what it asks, with Approve and Reject buttons whose value is the run id. */
    List<LayoutBlock> approval(Delivery delivery) {
        String runId = delivery.requestId().toString();
        return List.of(
                header(h -> h.text(plainText(truncate(nullSafe(delivery.title()), 150)))),
                section(s -> s.text(markdownText(truncate(nullSafe(delivery.note()), 2900)))),
                actions(a -> a.blockId("remediation:" + delivery.incidentId()).elements(List.of(
                        button(b -> b.actionId(APPROVE_RUN).text(plainText("Approve")).value(runId)
                                .style("primary")),
                        button(b -> b.actionId(REJECT_RUN).text(plainText("Reject")).value(runId)
                                .style("danger"))))),
                context(c -> c.elements(List.of(markdownText("Service " + nullSafe(delivery.service())
                        + " · <" + text.incidentUrl(delivery) + "|incident> · run " + runId)))));
    }

    List<LayoutBlock> closed(Delivery delivery) {
        return List.of(
                header(h -> h.text(plainText(truncate(delivery.incidentCode() + " " + nullSafe(delivery.title()), 150)))),
                section(s -> s.text(markdownText(delivery.note() + " · <" + text.incidentUrl(delivery) + "|open>"))));
    }

    private static String nullSafe(String value) {
        return value == null ? "-" : value;
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }
}
