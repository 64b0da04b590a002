package io.hotline.web.auth;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/**
 * Account administration as the admin API needs it; app implements it. Every method hands its work (the
 * database, password hashing) to the implementation's executor and returns at once. Thread-safe.
 */
public interface AccountAdmin {

    /** Every account, by login. */
    CompletionStage<List<AccountView>> list();

    /** Adds an account. */
    CompletionStage<Result> add(AccountForm form);

    /** Sets a new password and ends the account's sessions. */
    CompletionStage<Result> changePassword(String login, String password);

    /** Disables the account and ends its sessions. */
    CompletionStage<Result> disable(String login);

    /**
     * An account as the admin sees it (never its password hash). Immutable.
     *
     * @param login       the sign-in name
     * @param displayName the name shown
     * @param role        {@code agent}, {@code supervisor}, {@code duty-manager} or {@code admin}
     * @param seat        the agent's seat code, or {@code null}
     * @param branch      the duty manager's branch code, or {@code null}
     * @param phone       the supervisor's SIP endpoint, or {@code null}
     * @param disabled    whether sign-in is refused
     */
    record AccountView(String login, String displayName, String role, String seat, String branch, String phone,
                       boolean disabled) {
        public AccountView {
            Objects.requireNonNull(login, "login");
            Objects.requireNonNull(displayName, "displayName");
            Objects.requireNonNull(role, "role");
        }
    }

    /**
     * An account to add, as posted. Immutable; {@link #toString()} hides the password.
     *
     * @param login       the sign-in name
     * @param role        the role's API name
     * @param seat        the seat's code, or {@code null}
     * @param branch      the branch's code, or {@code null}
     * @param phone       a SIP endpoint, or {@code null}
     * @param displayName the name to show, or {@code null}
     * @param password    the password
     */
    record AccountForm(String login, String role, String seat, String branch, String phone, String displayName,
                       String password) {
        public AccountForm {
            Objects.requireNonNull(login, "login");
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(password, "password");
        }

        @Override
        public String toString() {
            return "AccountForm[login=" + login + ", role=" + role + "]";
        }
    }

    /** How an administrative change ended. */
    sealed interface Result {
        /** Done; {@code account} as it is now. */
        record Done(AccountView account) implements Result {
        }

        /** Refused, with a sentence saying why (a taken login, an unknown seat, a short password...). */
        record Refused(String reason) implements Result {
        }

        /** There is no account with that login. */
        record NotFound() implements Result {
        }
    }
}
