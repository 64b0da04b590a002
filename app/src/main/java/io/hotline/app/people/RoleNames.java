package io.hotline.app.people;

import io.hotline.persistence.accounts.AccountRole;
import io.hotline.web.http.Roles;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The stored roles and their names in the API and the CLI ({@code duty-manager}...). Stateless. */
public final class RoleNames {
    private RoleNames() {
    }

    /** The API name of {@code role}: {@link Roles#AGENT}, {@link Roles#DUTY_MANAGER}... */
    public static String of(AccountRole role) {
        return switch (role) {
            case AGENT -> Roles.AGENT;
            case SUPERVISOR -> Roles.SUPERVISOR;
            case DUTY_MANAGER -> Roles.DUTY_MANAGER;
            case ADMIN -> Roles.ADMIN;
        };
    }

    /** The role named {@code name} in the API's words (any case), if there is one. */
    public static Optional<AccountRole> parse(String name) {
        String lower = name == null ? "" : name.toLowerCase(Locale.ROOT);
        return Arrays.stream(AccountRole.values()).filter(role -> of(role).equals(lower)).findFirst();
    }
}
