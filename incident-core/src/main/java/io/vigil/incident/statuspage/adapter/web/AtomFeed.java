package io.vigil.incident.statuspage.adapter.web;

import io.vigil.incident.statuspage.StatusPageProperties;
import io.vigil.incident.statuspage.domain.Kind;
import io.vigil.incident.statuspage.domain.PublicIncident;
import io.vigil.incident.statuspage.domain.PublicUpdate;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.springframework.web.util.HtmlUtils;

/**
 * The page's history as an Atom feed (RFC 4287): one entry per incident or maintenance, updated with its latest
 * update, its content every update in HTML. Written with a streaming XML writer, which escapes what it must.
 */
final class AtomFeed {

    private static final String ATOM = "http://www.w3.org/2005/Atom";

    private final StatusPageProperties properties;
    private final Times times;

    AtomFeed(StatusPageProperties properties) {
        this.properties = properties;
        this.times = new Times(properties.timeZone());
    }

    String write(List<PublicIncident> incidents, Instant now) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(ATOM);
            xml.writeAttribute("xml:lang", "en");
            element(xml, "id", "tag:vigil," + properties.id() + ":status-page");
            element(xml, "title", properties.name() + " history");
            element(xml, "updated", incidents.stream().map(PublicIncident::updatedAt).max(Instant::compareTo)
                    .orElse(now).toString());
            link(xml, "alternate", "text/html", properties.base());
            link(xml, "self", "application/atom+xml", properties.base() + "/history.atom");
            xml.writeStartElement("author");
            element(xml, "name", properties.name());
            xml.writeEndElement();
            for (PublicIncident incident : incidents) {
                xml.writeStartElement("entry");
                element(xml, "id", "tag:vigil," + properties.id() + ":incident:" + incident.id());
                element(xml, "title", (incident.kind() == Kind.MAINTENANCE ? "Maintenance: " : "") + incident.name());
                element(xml, "published", incident.createdAt().toString());
                element(xml, "updated", incident.updatedAt().toString());
                link(xml, "alternate", "text/html", properties.base() + "/incidents/" + incident.id());
                xml.writeStartElement("content");
                xml.writeAttribute("type", "html");
                xml.writeCharacters(content(incident));
                xml.writeEndElement();
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing the Atom feed failed", e);
        }
        return out.toString();
    }

    private String content(PublicIncident incident) {
        StringBuilder html = new StringBuilder();
        for (PublicUpdate update : incident.updates()) {
            html.append("<p><small>").append(HtmlUtils.htmlEscape(times.text(update.createdAt())))
                    .append("</small><br><strong>").append(HtmlUtils.htmlEscape(update.status().text()))
                    .append("</strong> - ").append(HtmlUtils.htmlEscape(update.body())).append("</p>");
        }
        return html.toString();
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String type, String href) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("type", type);
        xml.writeAttribute("href", href);
    }
}
