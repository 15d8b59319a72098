package com.harborcrm.followup;

public enum FollowUpType {
    EMAIL, CALL, CHAT, MEETING, VISIT, SAMPLE, QUOTATION, NOTE
}
