package io.hotline.persistence.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotline.persistence.dao.BranchDao;
import io.hotline.persistence.dao.BranchRow;
import io.hotline.persistence.dao.SeatDao;
import io.hotline.persistence.dao.SeatRow;
import io.hotline.persistence.testing.TestDatabase;
import io.hotline.routing.ladder.Tier;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AccountStoreTest {
    static final Instant T0 = Instant.parse("2026-12-01T08:00:00.123Z");

    @RegisterExtension
    static final TestDatabase DB = new TestDatabase();

    private final AccountStore accounts = new AccountStore(DB.jdbi());

    @BeforeAll
    static void organisation() {
        DB.jdbi().onDemand(SeatDao.class).insert(new SeatRow(0, "S101", "Li Wei", Tier.TIER1, "PJSIP/1101", true,
                T0));
        DB.jdbi().onDemand(BranchDao.class).insert(new BranchRow(0, "SH", "Shanghai", "Shanghai", "Shanghai",
                "1 Road", 31.2, 121.5, "Asia/Shanghai", "Manager", "+86 21 5555 0000", true));
    }

    static NewAccount account(String login, AccountRole role, String seat, String branch) {
        return new NewAccount(login, "Name of " + login, role, Optional.ofNullable(seat), Optional.ofNullable(branch),
                Optional.empty(), "$argon2id$v=19$m=19456,t=2,p=1$salt$hash");
    }

    @Test
    void shouldAddAnAgentBoundToItsSeatAndFindIt() {
        // when
        AddOutcome outcome = accounts.add(account("liwei", AccountRole.AGENT, "S101", null), T0);

        // then
        assertThat(outcome).isInstanceOf(AddOutcome.Added.class);
        Account found = accounts.find("liwei").orElseThrow();
        assertThat(found.role()).isEqualTo(AccountRole.AGENT);
        assertThat(found.seatCode()).contains("S101");
        assertThat(found.branchCode()).isEmpty();
        assertThat(found.createdAt()).isEqualTo(T0);
        assertThat(found.disabled()).isFalse();
        assertThat(found.toString()).doesNotContain("argon2");
    }

    @Test
    void shouldRefuseATakenLoginAnUnknownSeatAndARoleWithoutItsBinding() {
        accounts.add(account("taken", AccountRole.ADMIN, null, null), T0);

        assertThat(accounts.add(account("taken", AccountRole.ADMIN, null, null), T0))
                .isEqualTo(new AddOutcome.Refused("login 'taken' is taken"));
        assertThat(accounts.add(account("nobody", AccountRole.AGENT, "S999", null), T0))
                .isEqualTo(new AddOutcome.Refused("there is no seat 'S999'"));
        assertThat(accounts.add(account("nobody", AccountRole.DUTY_MANAGER, null, "XX"), T0))
                .isEqualTo(new AddOutcome.Refused("there is no branch 'XX'"));
        assertThat(accounts.add(account("nobody", AccountRole.AGENT, null, null), T0))
                .isInstanceOf(AddOutcome.Refused.class);
        assertThat(accounts.add(account("nobody", AccountRole.DUTY_MANAGER, null, null), T0))
                .isInstanceOf(AddOutcome.Refused.class);
        assertThat(accounts.find("nobody")).isEmpty();
    }

    @Test
    void shouldChangeThePasswordAndDisable() {
        accounts.add(account("manager", AccountRole.DUTY_MANAGER, null, "SH"), T0);
        Instant later = T0.plusSeconds(60);

        assertThat(accounts.changePassword("manager", "new-hash", later)).isTrue();
        assertThat(accounts.disable("manager", later)).isTrue();
        assertThat(accounts.changePassword("ghost", "new-hash", later)).isFalse();
        assertThat(accounts.disable("ghost", later)).isFalse();

        Account found = accounts.find("manager").orElseThrow();
        assertThat(found.passwordHash()).isEqualTo("new-hash");
        assertThat(found.disabled()).isTrue();
        assertThat(found.branchCode()).contains("SH");
        assertThat(found.updatedAt()).isEqualTo(later);
    }

    @Test
    void shouldListByLoginAndKnowWhetherAnEnabledAdminExists() {
        accounts.add(account("zz-admin", AccountRole.ADMIN, null, null), T0);
        accounts.add(account("aa-super", AccountRole.SUPERVISOR, null, null), T0);

        assertThat(accounts.list()).extracting(Account::login).isSorted().contains("aa-super", "zz-admin");
        assertThat(accounts.hasEnabledAdmin()).isTrue();
    }

    @Test
    void shouldEnforceTheRoleRulesInTheDatabaseToo() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DB.jdbi().useHandle(handle -> handle.execute(
                "INSERT INTO account (login, display_name, role, password_hash, created_at, updated_at)"
                        + " VALUES ('bad', 'Bad', 'AGENT', 'x', NOW(3), NOW(3))")))
                .hasMessageContaining("ck_account_agent_seat");
    }
}
