package com.harborcrm.customer;

public enum CustomerStatus {
    ACTIVE, LOST
}
