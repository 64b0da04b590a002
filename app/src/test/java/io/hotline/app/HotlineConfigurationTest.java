package io.hotline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hotline.ops.config.InvalidSettingException;
import io.hotline.ops.config.Settings;
import io.hotline.routing.desk.DeskConfig;
import io.hotline.routing.workorder.Severity;
import io.hotline.telephony.agi.AgiServerConfig;
import io.hotline.telephony.agi.CidrBlock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The FastAGI server's own settings reach its config: bind address, allow-list, caps, header deadline. */
class HotlineConfigurationTest {

    @Test
    void shouldListenForFastAgiOnLoopbackAndServeOnlyLoopbackByDefault() {
        // when: nothing is set, not even HOTLINE_BIND_ADDRESS
        AgiServerConfig agi = HotlineConfiguration.from(Settings.of(Map.of("HOTLINE_BIND_ADDRESS", "0.0.0.0"))).agi();

        // then: HTTP on every address does not open FastAGI to the network
        assertThat(agi.bindAddress()).isEqualTo("127.0.0.1");
        assertThat(agi.limits().allowedClients()).extracting(CidrBlock::toString)
                .containsExactly("127.0.0.0/8", "0:0:0:0:0:0:0:1/128");
        assertThat(agi.limits().maxConnections()).isEqualTo(10_000);
        assertThat(agi.limits().maxConnectionsPerAddress()).isEqualTo(10_000);
        assertThat(agi.limits().headerTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(agi.limits().maxHeaderBytes()).isEqualTo(8192);
    }

    @Test
    void shouldTakeTheFastAgiSettings() {
        AgiServerConfig agi = HotlineConfiguration.from(Settings.of(Map.of(
                "HOTLINE_AGI_BIND_ADDRESS", "10.0.0.2",
                "HOTLINE_AGI_ALLOW", "10.0.0.5, 10.0.1.0/24,2001:db8::/32",
                "HOTLINE_AGI_MAX_CONNECTIONS", "3000",
                "HOTLINE_AGI_MAX_CONNECTIONS_PER_ADDRESS", "1500",
                "HOTLINE_AGI_HEADER_TIMEOUT", "2s"))).agi();

        assertThat(agi.bindAddress()).isEqualTo("10.0.0.2");
        assertThat(agi.limits().allowedClients()).extracting(CidrBlock::toString)
                .containsExactly("10.0.0.5/32", "10.0.1.0/24", "2001:db8:0:0:0:0:0:0/32");
        assertThat(agi.limits().maxConnections()).isEqualTo(3000);
        assertThat(agi.limits().maxConnectionsPerAddress()).isEqualTo(1500);
        assertThat(agi.limits().headerTimeout()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void shouldNameTheSettingOfABadAllowList() {
        assertThatThrownBy(() -> HotlineConfiguration.from(Settings.of(Map.of("HOTLINE_AGI_ALLOW", "10.0.0.0/8,pbx"))))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageStartingWith("HOTLINE_AGI_ALLOW='10.0.0.0/8,pbx' has 'pbx', which is not an IPv4 or IPv6");
    }

    @Test
    void shouldGiveTheDeskTheSlaTargetsRoutingsHoursTheBusinessHoursContractsAndTheReopenWindow() {
        // when
        Settings settings = Settings.of(Map.of(
                "HOTLINE_SLA_P1_RESPOND", "20m",
                "HOTLINE_SLA_BUSINESS_HOURS_CONTRACTS", "basic, STANDARD",
                "HOTLINE_REOPEN_DAYS", "3"));
        DeskConfig desk = HotlineConfiguration.from(settings).desk();

        // then
        assertThat(desk.serviceLevels().target(Severity.P1).respond()).isEqualTo(Duration.ofMinutes(20));
        assertThat(desk.hotlineHours()).isEqualTo(settings.routing().hours());
        assertThat(desk.contractHours()).containsOnlyKeys("BASIC", "STANDARD")
                .containsValue(settings.routing().hours());
        assertThat(desk.reopenWindow()).isEqualTo(Duration.ofDays(3));
    }

    @Test
    void shouldCountEveryContract24x7AndReopenWithinSevenDaysByDefault() {
        DeskConfig desk = HotlineConfiguration.from(Settings.of(Map.of())).desk();

        assertThat(desk.contractHours()).isEmpty();
        assertThat(desk.reopenWindow()).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void shouldNameTheSettingOfAnUnknownContractLevel() {
        assertThatThrownBy(() -> Settings.of(Map.of("HOTLINE_SLA_BUSINESS_HOURS_CONTRACTS", "STANDARD,GOLD")))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("HOTLINE_SLA_BUSINESS_HOURS_CONTRACTS").hasMessageContaining("'GOLD'");
        assertThatThrownBy(() -> Settings.of(Map.of("HOTLINE_REOPEN_DAYS", "-1")))
                .isInstanceOf(InvalidSettingException.class).hasMessageContaining("HOTLINE_REOPEN_DAYS");
    }

    @Test
    void shouldGiveSessionsTwelveHoursAndNoAdminPasswordByDefault() {
        HotlineConfiguration config = HotlineConfiguration.from(Settings.of(Map.of()));

        assertThat(config.accounts().sessionLifetime()).isEqualTo(Duration.ofHours(12));
        assertThat(config.accounts().adminPassword()).isEmpty();
    }

    @Test
    void shouldTakeTheSessionHoursAndAnAdminPasswordNeverShowingIt() {
        HotlineConfiguration config = HotlineConfiguration.from(Settings.of(Map.of("HOTLINE_SESSION_HOURS", "8",
                "HOTLINE_ADMIN_PASSWORD", "long-enough-1")));

        assertThat(config.accounts().sessionLifetime()).isEqualTo(Duration.ofHours(8));
        assertThat(config.accounts().adminPassword()).contains("long-enough-1");
        assertThat(config.toString()).doesNotContain("long-enough-1");
        assertThatThrownBy(() -> HotlineConfiguration.from(Settings.of(Map.of("HOTLINE_ADMIN_PASSWORD", "short"))))
                .isInstanceOf(InvalidSettingException.class).hasMessageContaining("HOTLINE_ADMIN_PASSWORD")
                .hasMessageNotContaining("short,").hasMessageNotContaining("'short'");
        assertThatThrownBy(() -> Settings.of(Map.of("HOTLINE_SESSION_HOURS", "0")))
                .isInstanceOf(InvalidSettingException.class).hasMessageContaining("HOTLINE_SESSION_HOURS");
    }
}
