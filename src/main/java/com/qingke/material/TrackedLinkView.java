package com.qingke.material;

/**
 * A freshly created tracked link and what a WeCom news card needs to show it
 * (sendChatMessage msgtype "news": link, title, desc, imgUrl).
 */
public record TrackedLinkView(Long id, String token, String url, Long materialId, MaterialKind kind, String title,
                              String description, String coverUrl) {
}
