package io.vigil.notification.delivery.adapter.email;

import io.vigil.notification.NotificationProperties;
import io.vigil.notification.contact.domain.Channel;
import io.vigil.notification.delivery.adapter.logmode.LogMode;
import io.vigil.notification.delivery.application.ChannelSender;
import io.vigil.notification.delivery.domain.ChannelUnavailable;
import io.vigil.notification.delivery.domain.Delivery;
import io.vigil.notification.delivery.domain.PageText;
import io.vigil.notification.delivery.domain.Purpose;
import io.vigil.notification.delivery.domain.SendResult;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * E-mail over SMTP (Spring Mail, {@code spring.mail.*}): plain text and HTML alternatives, both linking to the
 * incident; a status-page notice goes with the subject and text its notice carries. Without {@code spring.mail.host}
 * there is no mail sender and e-mail runs in log mode.
 */
@Component
class EmailSender implements ChannelSender {

    private final JavaMailSender mail;
    private final LogMode logMode;
    private final PageText text;
    private final String from;

    EmailSender(ObjectProvider<JavaMailSender> mail, LogMode logMode, NotificationProperties properties) {
        this.mail = mail.getIfAvailable();
        this.logMode = logMode;
        this.text = new PageText(properties.incidentUrl());
        this.from = properties.email().from();
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public SendResult send(Delivery delivery) {
        if (mail == null) {
            return logMode.record(delivery, "no SMTP server (spring.mail.host) is configured");
        }
        MimeMessage message = mail.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(from);
            helper.setTo(delivery.address());
            if (delivery.purpose() == Purpose.NOTICE) {
                // A status-page notice is written for the public by its author: it goes as they wrote it.
                helper.setSubject(delivery.title());
                helper.setText(delivery.note(), "<pre style=\"font-family:inherit;white-space:pre-wrap\">"
                        + HtmlUtils.htmlEscape(delivery.note()) + "</pre>");
            } else {
                helper.setSubject(delivery.purpose() == Purpose.UPDATE ? delivery.note()
                        : PageText.hasNote(delivery) ? "Reminder: " + text.headline(delivery)
                        : text.headline(delivery));
                helper.setText(text.plain(delivery), html(delivery));
            }
        } catch (MessagingException | IllegalArgumentException e) {
            return new SendResult.Rejected("email: cannot address " + delivery.address() + ": " + e.getMessage());
        }
        try {
            mail.send(message);
        } catch (MailParseException | MailPreparationException e) {
            return new SendResult.Rejected("email: " + e.getMessage());
        } catch (MailAuthenticationException e) {
            throw ChannelUnavailable.because("email: SMTP authentication failed");
        } catch (MailException e) {
            throw ChannelUnavailable.because("email: " + e.getMessage());
        }
        return new SendResult.Sent("smtp", messageId(message));
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (MessagingException e) {
            return null;
        }
    }

    private String html(Delivery delivery) {
        String url = HtmlUtils.htmlEscape(text.incidentUrl(delivery));
        if (delivery.purpose() == Purpose.UPDATE) {
            return "<p>%s</p><p><a href=\"%s\">Open the incident</a></p>"
                    .formatted(HtmlUtils.htmlEscape(delivery.note()), url);
        }
        String reminder = PageText.hasNote(delivery)
                ? "<p><strong>Reminder:</strong> %s</p>\n".formatted(HtmlUtils.htmlEscape(delivery.note())) : "";
        return reminder + """
                <h2>%s</h2>
                <table>
                <tr><th align="left">Severity</th><td>%s</td></tr>
                <tr><th align="left">Service</th><td>%s</td></tr>
                <tr><th align="left">Urgency</th><td>%s</td></tr>
                </table>
                <p><a href="%s">Open incident %s</a></p>
                """.formatted(HtmlUtils.htmlEscape(text.headline(delivery)), escape(delivery.severity()),
                escape(delivery.service()), escape(delivery.urgency()), url, escape(delivery.incidentCode()));
    }

    private static String escape(String value) {
        return value == null ? "-" : HtmlUtils.htmlEscape(value);
    }
}
