package com.harborcrm.messaging;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.harborcrm.common.error.DomainException;
import com.harborcrm.common.error.ProblemType;
import com.harborcrm.messaging.MailTransport.OutgoingMail;
import com.harborcrm.messaging.MessagingDtos.TestMessageRequest;
import com.harborcrm.messaging.MessagingDtos.TestMessageResult;
import com.harborcrm.messaging.MessagingSettingsService.Channels;

/** "Send test message": through the real channel, at once, recording nothing. */
@ApplicationScoped
public class TestMessageSender {

    @Inject
    MessagingSettingsService settings;

    @Inject
    MailTransport mail;

    @Inject
    SmsGateway sms;

    public TestMessageResult send(TestMessageRequest request) {
        Channels channels = settings.channels();
        channels.requireReady(request.channel());
        String to = request.to().trim();
        if (request.channel() == MessageChannel.EMAIL && !to.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw DomainException.invalid("to", "must be an e-mail address");
        }
        if (request.channel() == MessageChannel.SMS && !to.matches("\\+?[0-9 ()-]{6,24}")) {
            throw DomainException.invalid("to", "must be a phone number such as +8613800138000");
        }
        try {
            String id = request.channel() == MessageChannel.EMAIL
                    ? mail.send(channels, new OutgoingMail(to, "Harbor CRM test message",
                            "This is a test message from Harbor CRM: your e-mail channel works.",
                            TemplateText.plainHtml("This is a test message from Harbor CRM: your e-mail channel works."),
                            Map.of()))
                    : sms.send(channels, to, "Harbor CRM test message: your SMS channel works.",
                            settings.inboundUrl(channels.hookKey(), "sms"));
            return new TestMessageResult(request.channel(), to, id);
        } catch (DeliveryException e) {
            throw new DomainException(ProblemType.DELIVERY_FAILED, e.getMessage());
        }
    }
}
