package io.hotline.ops.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingTest {

    @Test
    void shouldNameEveryKeyAfterItsEnvironmentVariable() {
        for (Setting setting : Setting.values()) {
            assertThat(setting.key()).startsWith("HOTLINE_").isEqualTo(setting.name());
        }
    }

    @Test
    void shouldDescribeEverySettingInOneSentence() {
        for (Setting setting : Setting.values()) {
            assertThat(setting.description()).as(setting.key()).endsWith(".").doesNotContain("\n");
            assertThat(setting.description().length()).as(setting.key()).isLessThan(160);
        }
    }

    @Test
    void shouldMarkOnlyThePasswordsSecret() {
        assertThat(Arrays.stream(Setting.values()).filter(Setting::isSecret))
                .containsExactly(Setting.HOTLINE_DB_PASSWORD, Setting.HOTLINE_AMI_SECRET,
                        Setting.HOTLINE_SMS_GATEWAY_TOKEN, Setting.HOTLINE_SMS_GATEWAY_PASSWORD,
                        Setting.HOTLINE_SMS_WEBHOOK_SECRET, Setting.HOTLINE_ADMIN_PASSWORD,
                        Setting.HOTLINE_WALLBOARD_TOKEN);
    }

    @Test
    void shouldHaveValidDefaults() {
        // Every default passes its own rule, or loading with nothing set would fail.
        assertThat(Settings.of(Map.of()).describe()).hasSize(Setting.values().length);
    }

    @Test
    void shouldLeaveOnlyTheConfigFileDatabaseUrlAmiHostRoutingFileAndBusinessHoursContractsWithoutDefault() {
        // (and the SMS gateway's URL, needed only with HOTLINE_SMS_GATEWAY=http, and the test clock's file)
        assertThat(Arrays.stream(Setting.values()).filter(setting -> setting.defaultValue() == null))
                .containsExactly(Setting.HOTLINE_CONFIG_FILE, Setting.HOTLINE_DB_URL, Setting.HOTLINE_AMI_HOST,
                        Setting.HOTLINE_ROUTING_FILE, Setting.HOTLINE_SLA_BUSINESS_HOURS_CONTRACTS,
                        Setting.HOTLINE_SMS_GATEWAY_URL, Setting.HOTLINE_CLOCK_OFFSET_FILE);
    }

    @Test
    void shouldReadTodaysFiguresEveryThirtySecondsByDefaultAndRefuseIntervalsOutsideOneSecondToOneHour() {
        assertThat(Settings.of(Map.of()).duration(Setting.HOTLINE_FIGURES_INTERVAL)).isEqualTo(Duration.ofSeconds(30));
        assertThat(Settings.of(Map.of("HOTLINE_FIGURES_INTERVAL", "5s")).duration(Setting.HOTLINE_FIGURES_INTERVAL))
                .isEqualTo(Duration.ofSeconds(5));
        for (String invalid : new String[] {"0s", "500ms", "2h", "soon"}) {
            assertThatThrownBy(() -> Settings.of(Map.of("HOTLINE_FIGURES_INTERVAL", invalid)))
                    .as(invalid).isInstanceOf(InvalidSettingException.class)
                    .hasMessageContaining("HOTLINE_FIGURES_INTERVAL");
        }
    }

    @Test
    void shouldSuggestTheClosestSettingForATypo() {
        assertThat(Setting.closestTo("hotline_db_pool_sise")).contains(Setting.HOTLINE_DB_POOL_SIZE);
        assertThat(Setting.closestTo("JAVA_HOME")).isEmpty();
    }
}
