package com.qingke.lead;

import java.util.Map;

/** What the form page shows: the values typed so far, errors per field, a page-level message. */
public record LeadFormView(LeadFormInput input, Map<String, String> errors, String message, String submission,
                           String consentText, String controllerName) {

    public String error(String field) {
        return errors.get(field);
    }

    public boolean hasError(String field) {
        return errors.containsKey(field);
    }
}
