package com.qingke.customer;

/** How a lead reached the SME. */
public enum Channel {
    OA_QR, WECOM_QR, WEB_FORM, IMPORT, MANUAL
}
