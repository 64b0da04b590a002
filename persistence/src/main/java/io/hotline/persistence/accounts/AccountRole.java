package io.hotline.persistence.accounts;

/** What an account may do; stored by name in {@code account.role}. */
public enum AccountRole {
    /** Works one seat (the account's seat is required). */
    AGENT,
    /** Watches and steers every seat; may listen, whisper and barge from the account's phone. */
    SUPERVISOR,
    /** Runs one branch's field work (the account's branch is required). */
    DUTY_MANAGER,
    /** Manages accounts. */
    ADMIN
}
