package com.qingke.identity;

/** Fired inside the transaction that merged two customers (e.g. so the survivor is analysed again). */
public record CustomersMerged(String corpId, long mergeId, long survivorId, long mergedId) {
}
