package com.qingke.task;

public enum TaskStatus {
    OPEN, DONE, CANCELLED
}
