package com.qingke.customer;

import java.util.List;

/** Fired inside the transaction that changed a customer's tags, so WeCom can be told (mark_tag) after commit. */
public record CustomerTagsChanged(String corpId, Long customerId, Long byEmployeeId, List<String> before, List<String> after) {
}
