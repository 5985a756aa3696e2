package io.vigil.incident.statuspage.application;

import io.vigil.incident.statuspage.domain.PublicIncident;
import io.vigil.incident.statuspage.domain.PublicUpdate;

/** How a public update reads to a subscriber: as an e-mail and as a webhook's JSON document. */
public interface NoticeFormat {

    /**
     * @param subject one line, the e-mail subject
     * @param text    the update as a visitor reads it
     * @param json    the document a webhook subscriber receives
     */
    record Notice(String subject, String text, String json) {
    }

    /** The notice of {@code update}, the latest of {@code incident}, given the page as it now is. */
    Notice of(PublicIncident incident, PublicUpdate update, StatusPage page);
}
