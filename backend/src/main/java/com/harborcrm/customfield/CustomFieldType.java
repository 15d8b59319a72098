package com.harborcrm.customfield;

public enum CustomFieldType {
    TEXT, NUMBER, DATE, SELECT, MULTI_SELECT;

    public boolean hasOptions() {
        return this == SELECT || this == MULTI_SELECT;
    }
}
