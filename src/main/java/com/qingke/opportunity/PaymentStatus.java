package com.qingke.opportunity;

public enum PaymentStatus {
    NONE, PENDING, OVERDUE, PAID
}
