package com.qingke.identity;

/** Fired inside the transaction that undid a merge: both customers exist on their own again. */
public record MergeUndone(String corpId, long mergeId, long survivorId, long mergedId) {
}
