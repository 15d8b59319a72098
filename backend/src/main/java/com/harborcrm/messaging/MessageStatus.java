package com.harborcrm.messaging;

/**
 * Where a message stands. Outgoing: QUEUED until the server or provider accepts it (SENT) or it fails every attempt
 * (FAILED); a provider may report DELIVERED or BOUNCED later. A campaign's recipient is SKIPPED (with the reason)
 * or CANCELLED with its campaign. Incoming messages are RECEIVED.
 */
public enum MessageStatus {
    QUEUED, SENT, DELIVERED, BOUNCED, FAILED, SKIPPED, CANCELLED, RECEIVED
}
