package com.harborcrm.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.harborcrm.messaging.MailTransport.OutgoingMail;
import com.harborcrm.messaging.MessageOutbox.Taken;
import com.harborcrm.messaging.MessagingSettingsService.Channels;

/** Hands a taken message to the store's mail server or SMS provider; no transaction is open while it waits. */
@ApplicationScoped
public class MessageSender {

    @Inject
    MailTransport mail;

    @Inject
    SmsGateway sms;

    @Inject
    MessagingSettingsService settings;

    /** The server's or provider's id for it. */
    public String send(Channels channels, Taken message) throws DeliveryException {
        if (message.address() == null) {
            throw new DeliveryException("The customer has no address for this channel", true);
        }
        if (message.channel() == MessageChannel.EMAIL) {
            return mail.send(channels, new OutgoingMail(message.address(), message.subject(), message.text(),
                    message.html(), message.headers()));
        }
        return sms.send(channels, message.address(), message.text(), settings.inboundUrl(channels.hookKey(), "sms"));
    }
}
