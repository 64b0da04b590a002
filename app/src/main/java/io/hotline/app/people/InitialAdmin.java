package io.hotline.app.people;

import io.hotline.persistence.accounts.AccountRole;
import io.hotline.persistence.accounts.AccountStore;
import io.hotline.persistence.accounts.AddOutcome;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first admin: created at start as {@code admin} with HOTLINE_ADMIN_PASSWORD when no enabled admin account
 * exists; otherwise nothing. The password is never logged. Stateless.
 */
final class InitialAdmin {
    private static final Logger LOG = LoggerFactory.getLogger(InitialAdmin.class);
    /** The initial admin's login. */
    static final String LOGIN = "admin";

    private InitialAdmin() {
    }

    /** Creates the initial admin if needed and possible; logs one line saying what happened. */
    static void ensure(AccountStore accounts, AccountAdministration administration, Optional<String> password) {
        if (accounts.hasEnabledAdmin()) {
            return;
        }
        if (password.isEmpty()) {
            LOG.warn("No enabled admin account: nobody can manage accounts. Set HOTLINE_ADMIN_PASSWORD and restart to "
                    + "create 'admin', or run './hotline user add <login> --role admin'");
            return;
        }
        AddOutcome outcome = administration.add(new AccountRequest(LOGIN, AccountRole.ADMIN, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of("Administrator")), password.get().toCharArray());
        if (outcome instanceof AddOutcome.Added) {
            LOG.info("Created the admin account 'admin' with the password of HOTLINE_ADMIN_PASSWORD");
        } else {
            LOG.warn("Could not create the admin account 'admin' from HOTLINE_ADMIN_PASSWORD: {}; run "
                    + "'./hotline user add <login> --role admin'", ((AddOutcome.Refused) outcome).reason());
        }
    }
}
