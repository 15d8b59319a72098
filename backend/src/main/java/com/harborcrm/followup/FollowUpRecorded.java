package com.harborcrm.followup;

import java.time.Instant;

/**
 * A follow-up was recorded (by a person, or by the server for a message that counts as contact), fired in the
 * recording transaction, so that features that react to contact (plans complete their step) stay out of this one.
 */
public record FollowUpRecorded(long customerId, FollowUpType type, Instant occurredAt) {
}
