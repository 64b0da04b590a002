package io.hotline.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class AuthenticatedUserTest {

    @Test
    void shouldBeTheAgentOfItsOwnSeatOnly() {
        AuthenticatedUser agent = new AuthenticatedUser("li", Set.of(Roles.AGENT), "S101", null);
        AuthenticatedUser supervisor = new AuthenticatedUser("alice", Set.of(Roles.SUPERVISOR), "S101", null);

        assertThat(agent.isAgentOf("S101")).isTrue();
        assertThat(agent.isAgentOf("S102")).isFalse();
        assertThat(supervisor.isAgentOf("S101")).isFalse();
        assertThat(agent.hasRole(Roles.AGENT)).isTrue();
        assertThat(agent.hasRole(Roles.ADMIN)).isFalse();
    }

    @Test
    void shouldKeepTheTwoArgumentFormBoundToNothing() {
        AuthenticatedUser user = new AuthenticatedUser("agent-7", Set.of("agent"));

        assertThat(user.seatId()).isNull();
        assertThat(user.branchCode()).isNull();
        assertThat(user.isAgentOf("S101")).isFalse();
    }
}
