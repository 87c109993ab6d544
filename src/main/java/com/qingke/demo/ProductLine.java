package com.qingke.demo;

/** What the demo company sells; each line has its own price range and quote sheet. */
public enum ProductLine {
    AIR_COMPRESSOR("螺杆空压机", "空压机", 60_000, 450_000, "quote-screw-compressor-37kw"),
    CNC("数控机床", "数控机床", 280_000, 2_600_000, "quote-cnc-vmc850"),
    DUST_COLLECTOR("工业除尘器", "除尘设备", 80_000, 900_000, "quote-pulse-dust-collector"),
    MAINTENANCE("年度维保合同", "维保服务", 12_000, 120_000, "quote-maintenance-annual");

    private final String label;
    private final String interestTag;
    private final int minAmount;
    private final int maxAmount;
    private final String quoteSlug;

    ProductLine(String label, String interestTag, int minAmount, int maxAmount, String quoteSlug) {
        this.label = label;
        this.interestTag = interestTag;
        this.minAmount = minAmount;
        this.maxAmount = maxAmount;
        this.quoteSlug = quoteSlug;
    }

    public String label() {
        return label;
    }

    /** The tag of the 意向产品 group that marks interest in this line. */
    public String interestTag() {
        return interestTag;
    }

    public int minAmount() {
        return minAmount;
    }

    public int maxAmount() {
        return maxAmount;
    }

    /** Slug of the quote sheet material sent for deals of this line. */
    public String quoteSlug() {
        return quoteSlug;
    }
}
