package com.qingke.platform;

import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;

class PhoneMaskingLogFilterTest {
    @Test
    void masksMobileNumbersButNotLongerDigitRuns() {
        assertEquals("Duplicate entry 'ww-demo-corp-PHONE-139****8817' for key 'uk_identity'",
                PhoneMaskingLogFilter.mask("Duplicate entry 'ww-demo-corp-PHONE-13999358817' for key 'uk_identity'"));
        assertEquals("id 123456789012345 and 138****5678", PhoneMaskingLogFilter.mask("id 123456789012345 and 13812345678"));
    }
}
