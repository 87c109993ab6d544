package com.qingke.platform.security;

/** Role names used with {@code @RolesAllowed}. Every signed-in employee is a rep; managers also see the team. */
public final class Roles {
    public static final String REP = "rep";
    public static final String MANAGER = "manager";

    private Roles() {
    }
}
