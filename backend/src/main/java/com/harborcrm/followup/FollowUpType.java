package com.harborcrm.followup;

public enum FollowUpType {
    EMAIL, SMS, CALL, CHAT, MEETING, VISIT, SAMPLE, QUOTATION, NOTE
}
