package io.vigil.ingestion.alert.application;

import io.vigil.contracts.Image;
import io.vigil.contracts.Link;
import java.util.List;
import java.util.Map;

/** The optional context a source attaches to an alert; see the fields of the same names on AlertReceived. */
public record AlertContext(
        Map<String, Object> customDetails,
        List<Link> links,
        List<Image> images,
        String component,
        String group,
        String eventClass,
        String client,
        String clientUrl,
        Integer truncatedAlerts) {

    public static final AlertContext NONE = new AlertContext(null, null, null, null, null, null, null, null, null);

    /** Only the number of alerts the source dropped from the group. */
    public static AlertContext truncated(int truncatedAlerts) {
        return new AlertContext(null, null, null, null, null, null, null, null, truncatedAlerts);
    }
}
