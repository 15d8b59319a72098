package com.harborcrm.messaging;

public enum CampaignStatus {
    DRAFT, SCHEDULED, SENDING, DONE, CANCELLED
}
