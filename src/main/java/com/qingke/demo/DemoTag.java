package com.qingke.demo;

/** A corp customer tag as WeCom's get_corp_tag_list returns it; customers carry tag names. */
public record DemoTag(String tagId, String name, String groupName) {
}
