package com.qingke.dashboard;

import java.math.BigDecimal;

/** Reads aggregate cells of native query rows, whose Java types differ between MySQL and H2 drivers. */
final class Cells {
    private Cells() {
    }

    static long count(Object cell) {
        return cell == null ? 0 : ((Number) cell).longValue();
    }

    static Double number(Object cell) {
        return cell == null ? null : ((Number) cell).doubleValue();
    }

    static BigDecimal money(Object cell) {
        if (cell == null) {
            return BigDecimal.ZERO;
        }
        return cell instanceof BigDecimal b ? b : new BigDecimal(cell.toString());
    }

    static String text(Object cell) {
        return cell == null ? null : cell.toString();
    }
}
