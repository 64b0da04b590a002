package io.hotline.persistence.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotline.persistence.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SessionStoreTest {
    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00.123Z");

    @RegisterExtension
    static final TestDatabase DB = new TestDatabase();

    private static long alice;
    private static long bob;
    private final SessionStore sessions = new SessionStore(DB.jdbi());

    @BeforeAll
    static void accounts() {
        AccountStore store = new AccountStore(DB.jdbi());
        alice = ((AddOutcome.Added) store.add(AccountStoreTest.account("alice", AccountRole.SUPERVISOR, null, null),
                T0)).account().id();
        bob = ((AddOutcome.Added) store.add(AccountStoreTest.account("bob", AccountRole.ADMIN, null, null), T0))
                .account().id();
    }

    private static String hash(char digit) {
        return String.valueOf(digit).repeat(64);
    }

    private void open(char digit, long account, Instant expires) {
        sessions.insert(new NewSession(hash(digit), account, T0, expires, Optional.of("127.0.0.1")));
    }

    @Test
    void shouldLoadLiveSessionsWithTheirAccountButNotExpiredOrRevokedOnes() {
        // given
        open('1', alice, T0.plus(Duration.ofHours(12)));
        open('2', alice, T0.plusSeconds(10));
        open('3', alice, T0.plus(Duration.ofHours(12)));
        sessions.revoke(hash('3'), T0.plusSeconds(1));

        // when
        List<LiveSession> live = sessions.live(T0.plusSeconds(60));

        // then
        assertThat(live).extracting(LiveSession::tokenHash).contains(hash('1')).doesNotContain(hash('2'), hash('3'));
        LiveSession one = live.stream().filter(session -> session.tokenHash().equals(hash('1'))).findFirst()
                .orElseThrow();
        assertThat(one.account().login()).isEqualTo("alice");
        assertThat(one.expiresAt()).isEqualTo(T0.plus(Duration.ofHours(12)));
        assertThat(one.createdAt()).isEqualTo(T0);
    }

    @Test
    void shouldRevokeEveryOneOfAnAccountAndTellWhatWasRevokedSince() {
        // given
        open('a', bob, T0.plus(Duration.ofHours(1)));
        open('b', bob, T0.plus(Duration.ofHours(1)));
        Instant revokedAt = T0.plusSeconds(120);

        // when
        int revoked = sessions.revokeAll(bob, revokedAt);

        // then
        assertThat(revoked).isEqualTo(2);
        assertThat(sessions.revokeAll(bob, revokedAt)).isZero();
        assertThat(sessions.revoke(hash('a'), revokedAt)).isFalse();
        assertThat(sessions.revokedSince(revokedAt)).contains(hash('a'), hash('b'));
        assertThat(sessions.revokedSince(revokedAt.plusMillis(1))).doesNotContain(hash('a'), hash('b'));
        assertThat(sessions.revokedAt(hash('a'))).contains(revokedAt);
        assertThat(sessions.live(T0)).extracting(LiveSession::tokenHash).doesNotContain(hash('a'), hash('b'));
    }

    @Test
    void shouldDeleteExpiredSessions() {
        open('e', alice, T0.minusSeconds(5));

        assertThat(sessions.deleteExpired(T0)).isPositive();
        assertThat(sessions.revokedAt(hash('e'))).isEmpty();
    }
}
