package com.harborcrm.customer;

/** Kinds of rows in the customer event log (the timeline and, later, statistics read them). */
public enum CustomerEventType {
    CREATED, STAGE_CHANGED, STARS_CHANGED, TAGS_CHANGED, OWNER_CHANGED, LOST, REACTIVATED, IMPORTED,
    INQUIRY_RECEIVED, MERGED, MERGE_UNDONE;

    /** The {@code kind} of an OWNER_CHANGED event. */
    public enum OwnerChange {
        CLAIMED, ASSIGNED, TRANSFERRED, RELEASED, AUTO_RETURNED, AUTO_ASSIGNED
    }
}
