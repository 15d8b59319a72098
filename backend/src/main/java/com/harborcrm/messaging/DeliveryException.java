package com.harborcrm.messaging;

/**
 * A server or provider did not take a message. {@code permanent}: sending it again cannot help (a refused address,
 * bad credentials, a channel switched off); otherwise it is retried. The message is what the other side said.
 */
public class DeliveryException extends Exception {

    private final boolean permanent;

    public DeliveryException(String message, boolean permanent) {
        super(message);
        this.permanent = permanent;
    }

    public boolean permanent() {
        return permanent;
    }
}
