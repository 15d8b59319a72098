package com.harborcrm.messaging;

/** Why a campaign leaves a customer out. */
public enum SkipReason {
    NO_ADDRESS, NO_CONSENT, UNSUBSCRIBED, DUPLICATE_ADDRESS
}
