package io.hotline.app.people;

import io.hotline.persistence.accounts.Account;
import io.hotline.persistence.accounts.AccountRole;
import io.hotline.persistence.accounts.AddOutcome;
import io.hotline.web.auth.AccountAdmin;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** The admin API's port over {@link AccountsService}: the web's words in, the stores' words out. Thread-safe. */
public final class AdminAccounts implements AccountAdmin {
    private final AccountsService accounts;

    public AdminAccounts(AccountsService accounts) {
        this.accounts = Objects.requireNonNull(accounts, "accounts");
    }

    @Override
    public CompletionStage<List<AccountView>> list() {
        return accounts.list().thenApply(all -> all.stream().map(AdminAccounts::view).toList());
    }

    @Override
    public CompletionStage<Result> add(AccountForm form) {
        Optional<AccountRole> role = RoleNames.parse(form.role());
        if (role.isEmpty()) {
            return CompletableFuture.completedFuture(new Result.Refused("a role is agent, supervisor, duty-manager "
                    + "or admin: '" + form.role() + "' is not"));
        }
        AccountRequest request = new AccountRequest(form.login(), role.get(), Optional.ofNullable(form.seat()),
                Optional.ofNullable(form.branch()), Optional.ofNullable(form.phone()),
                Optional.ofNullable(form.displayName()));
        return accounts.add(request, form.password().toCharArray()).thenApply(outcome ->
                outcome instanceof AddOutcome.Added added ? new Result.Done(view(added.account()))
                        : new Result.Refused(((AddOutcome.Refused) outcome).reason()));
    }

    @Override
    public CompletionStage<Result> changePassword(String login, String password) {
        return accounts.changePassword(login, password.toCharArray()).thenApply(AdminAccounts::result);
    }

    @Override
    public CompletionStage<Result> disable(String login) {
        return accounts.disable(login).thenApply(change -> change instanceof AccountChange.Done done
                ? new Result.Done(disabled(view(done.account()))) : result(change));
    }

    private static Result result(AccountChange change) {
        if (change instanceof AccountChange.Done done) {
            return new Result.Done(view(done.account()));
        }
        String reason = ((AccountChange.Refused) change).reason();
        return reason.startsWith("there is no account") ? new Result.NotFound() : new Result.Refused(reason);
    }

    private static AccountView disabled(AccountView view) {
        return new AccountView(view.login(), view.displayName(), view.role(), view.seat(), view.branch(),
                view.phone(), true);
    }

    static AccountView view(Account account) {
        return new AccountView(account.login(), account.displayName(), RoleNames.of(account.role()),
                account.seatCode().orElse(null), account.branchCode().orElse(null), account.phone().orElse(null),
                account.disabled());
    }
}
