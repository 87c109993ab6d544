package com.qingke.platform;

/** Masks personal data for logs and for reps who do not own the customer (PIPL). */
public final class Masking {
    private Masking() {
    }

    /** 13812345678 → 138****5678; anything too short to keep digits is fully masked. */
    public static String phone(String phone) {
        if (phone == null || phone.isBlank()) {
            return phone;
        }
        String p = phone.trim();
        if (p.length() < 7) {
            return "*".repeat(p.length());
        }
        return p.substring(0, 3) + "*".repeat(p.length() - 7) + p.substring(p.length() - 4);
    }
}
