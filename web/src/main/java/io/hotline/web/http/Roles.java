package io.hotline.web.http;

/** The role names of {@link AuthenticatedUser#roles()}, as docs/api.md spells them. */
public final class Roles {

    /** A seat agent, bound to one seat. */
    public static final String AGENT = "agent";
    /** Watches and steers every seat and work order. */
    public static final String SUPERVISOR = "supervisor";
    /** A branch's duty manager, bound to one branch. */
    public static final String DUTY_MANAGER = "duty-manager";
    /** Manages accounts and settings; may do what a supervisor does. */
    public static final String ADMIN = "admin";
    /** The wall screen's read-only token (not an account): may read the wallboard and nothing else. */
    public static final String WALLBOARD = "wallboard";

    private Roles() {
    }
}
