package com.qingke.customer;

/** Mainland China mobile numbers, the only phone format a lead form or import accepts. */
public final class PhoneNumbers {
    public static final String MAINLAND_MOBILE = "^1[3-9]\\d{9}$";

    private PhoneNumbers() {
    }

    /** Strips spaces, dashes and a +86/0086 prefix, so "+86 138-1234-5678" becomes 13812345678. */
    public static String normalise(String raw) {
        if (raw == null) {
            return null;
        }
        String digits = raw.replaceAll("[\\s\\-()]", "");
        if (digits.startsWith("+86")) {
            digits = digits.substring(3);
        } else if (digits.startsWith("0086")) {
            digits = digits.substring(4);
        }
        return digits;
    }

    public static boolean isValid(String phone) {
        return phone != null && phone.matches(MAINLAND_MOBILE);
    }
}
