package com.harborcrm.messaging;

import com.harborcrm.messaging.MessagingSettingsService.Channels;

/** An SMS provider: sends one text and says the provider's id for it; its callbacks come in through the inbound endpoint. */
public interface SmsGateway {

    String send(Channels channels, String to, String body, String statusCallbackUrl) throws DeliveryException;

    /** Whether a callback request really came from the provider (the signature it carries). */
    boolean verify(String token, String url, java.util.Map<String, String> form, String signature);
}
