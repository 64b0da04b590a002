package io.hotline.web.http;

/**
 * The role names an {@link AuthenticatedUser} carries, as they appear in the API ({@code "role":"duty-manager"}).
 * Each account has exactly one.
 */
public final class Roles {
    /** A seat agent, bound to one seat: acts on that seat and on the work orders offered to or owned by it. */
    public static final String AGENT = "agent";
    /** Sees and steers every seat and work order; listens, whispers and barges. */
    public static final String SUPERVISOR = "supervisor";
    /** A branch's duty manager, bound to that branch: acts on its on-site work. */
    public static final String DUTY_MANAGER = "duty-manager";
    /** Manages accounts. */
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
