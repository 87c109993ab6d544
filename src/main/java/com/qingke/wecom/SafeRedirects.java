package com.qingke.wecom;

import java.net.URI;
import java.net.URISyntaxException;

/** Only same-origin relative paths are followed after sign-in, so the login can never be used as an open redirect. */
final class SafeRedirects {
    static final String DEFAULT = "/sidebar/";

    private SafeRedirects() {
    }

    static boolean isSafe(String target) {
        if (target == null || target.isEmpty() || target.length() > 512 || !target.startsWith("/")
                || target.startsWith("//") || target.contains("\\")) {
            return false;
        }
        for (int i = 0; i < target.length(); i++) {
            if (Character.isISOControl(target.charAt(i)) || Character.isWhitespace(target.charAt(i))) {
                return false;
            }
        }
        try {
            URI uri = new URI(target);
            return uri.getScheme() == null && uri.getRawAuthority() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
