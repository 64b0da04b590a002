package io.hotline.ops.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hotline.routing.callback.CallbackPolicy;
import io.hotline.routing.field.FieldConfig;
import io.hotline.routing.sla.ServiceLevels;
import io.hotline.routing.sla.SlaTarget;
import io.hotline.routing.workorder.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SettingsTest {

    @TempDir
    Path directory;

    @Test
    void shouldUseDefaultsWhenNothingIsSet() {
        Settings settings = Settings.load(Map.of());

        assertThat(settings.path(Setting.HOTLINE_DATA_DIR)).isEqualTo(Path.of("./data"));
        assertThat(settings.optional(Setting.HOTLINE_DB_URL)).isEmpty();
        assertThat(settings.optional(Setting.HOTLINE_CONFIG_FILE)).isEmpty();
        assertThat(settings.string(Setting.HOTLINE_DB_USER)).isEqualTo("root");
        assertThat(settings.string(Setting.HOTLINE_DB_PASSWORD)).isEmpty();
        assertThat(settings.intInRange(Setting.HOTLINE_DB_POOL_SIZE, 1, 200)).isEqualTo(10);
        assertThat(settings.duration(Setting.HOTLINE_DB_CONNECT_TIMEOUT)).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.port(Setting.HOTLINE_EMBEDDED_DB_PORT)).isZero();
        assertThat(settings.bindAddress(Setting.HOTLINE_BIND_ADDRESS)).isEqualTo("127.0.0.1");
        assertThat(settings.port(Setting.HOTLINE_HTTP_PORT)).isEqualTo(8080);
        assertThat(settings.port(Setting.HOTLINE_AGI_PORT)).isEqualTo(4573);
        assertThat(settings.bool(Setting.HOTLINE_SEED_DEMO_WHEN_EMPTY)).isTrue();
        assertThat(settings.duration(Setting.HOTLINE_HEALTH_INTERVAL)).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.duration(Setting.HOTLINE_SHUTDOWN_TIMEOUT)).isEqualTo(Duration.ofSeconds(8));
        assertThat(settings.logLevel(Setting.HOTLINE_LOG_LEVEL)).isEqualTo("INFO");
        assertThat(settings.serviceLevels()).isEqualTo(ServiceLevels.DEFAULT);
        assertThat(settings.field()).isEqualTo(FieldConfig.DEFAULT);
        assertThat(settings.warnings()).isEmpty();
        for (Setting setting : Setting.values()) {
            assertThat(settings.source(setting)).isEqualTo(Settings.Source.DEFAULT);
        }
    }

    @Test
    void shouldLetEnvironmentWinOverFileAndFileWinOverDefault() throws IOException {
        Path file = write("HOTLINE_HTTP_PORT=9000\nHOTLINE_AGI_PORT=4600\n");

        Settings settings = Settings.load(Map.of(
                "HOTLINE_CONFIG_FILE", file.toString(),
                "HOTLINE_HTTP_PORT", "9100"));

        assertThat(settings.port(Setting.HOTLINE_HTTP_PORT)).isEqualTo(9100);
        assertThat(settings.source(Setting.HOTLINE_HTTP_PORT)).isEqualTo(Settings.Source.ENV);
        assertThat(settings.port(Setting.HOTLINE_AGI_PORT)).isEqualTo(4600);
        assertThat(settings.source(Setting.HOTLINE_AGI_PORT)).isEqualTo(Settings.Source.FILE);
        assertThat(settings.string(Setting.HOTLINE_DB_USER)).isEqualTo("root");
        assertThat(settings.source(Setting.HOTLINE_DB_USER)).isEqualTo(Settings.Source.DEFAULT);
    }

    @Test
    void shouldFailOnUnknownFileKeyAndSuggestTheClosestSetting() throws IOException {
        Path file = write("HOTLINE_HTTP_PROT=9000\n");

        assertThatThrownBy(() -> Settings.load(Map.of("HOTLINE_CONFIG_FILE", file.toString())))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("HOTLINE_HTTP_PROT")
                .hasMessageContaining("did you mean HOTLINE_HTTP_PORT?")
                .extracting(e -> ((InvalidSettingException) e).key()).isEqualTo("HOTLINE_HTTP_PROT");
    }

    @Test
    void shouldFailOnAKeySetTwiceInTheFileNamingTheKeyAndItsLines() throws IOException {
        Path file = write("# ports\nHOTLINE_HTTP_PORT=9000\nHOTLINE_AGI_PORT = 4573\n\nHOTLINE_LOG_LEVEL=INFO\n"
                + "HOTLINE_HTTP_PORT : 9001\nHOTLINE_ROUTING_FILE=a\\\n  HOTLINE_HTTP_PORT\n");

        assertThatThrownBy(() -> Settings.load(Map.of("HOTLINE_CONFIG_FILE", file.toString())))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("HOTLINE_HTTP_PORT is set more than once in HOTLINE_CONFIG_FILE '" + file
                        + "', on lines 2, 6: keep one")
                .extracting(e -> ((InvalidSettingException) e).key()).isEqualTo("HOTLINE_HTTP_PORT");
    }

    @Test
    void shouldRejectAnAsteriskNameLongerThanTheDatabaseKeeps() {
        assertThat(Settings.of(Map.of("HOTLINE_ASTERISK_NAME", "a".repeat(64))).string(
                Setting.HOTLINE_ASTERISK_NAME)).hasSize(64);
        assertThatThrownBy(() -> Settings.of(Map.of("HOTLINE_ASTERISK_NAME", "a".repeat(65))))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("HOTLINE_ASTERISK_NAME='aaaa")
                .hasMessageEndingWith("is 65 characters long; at most 64");
    }

    @Test
    void shouldNotSuggestAnythingForAKeyFarFromEverySetting() throws IOException {
        Path file = write("server.port=9000\n");

        assertThatThrownBy(() -> Settings.load(Map.of("HOTLINE_CONFIG_FILE", file.toString())))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageStartingWith("server.port in HOTLINE_CONFIG_FILE")
                .hasMessageEndingWith("is not a Hotline setting")
                .hasMessageNotContaining("did you mean");
    }

    @Test
    void shouldFailWhenTheConfigFileIsMissing() {
        Path missing = directory.resolve("missing.properties");

        assertThatThrownBy(() -> Settings.load(Map.of("HOTLINE_CONFIG_FILE", missing.toString())))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("HOTLINE_CONFIG_FILE")
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("does not exist");
    }

    @Test
    void shouldRejectTheConfigFileNamingItself() throws IOException {
        Path file = write("HOTLINE_CONFIG_FILE=/etc/other.properties\n");

        assertThatThrownBy(() -> Settings.load(Map.of("HOTLINE_CONFIG_FILE", file.toString())))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("HOTLINE_CONFIG_FILE cannot be set inside the config file");
    }

    @Test
    void shouldWarnAboutUnknownHotlineEnvironmentVariablesAndIgnoreOthers() {
        Settings settings = Settings.load(Map.of(
                "HOTLINE_HTTP_PROT", "9000",
                "HOTLINE_JAVA_OPTS", "-Xmx512m",
                "PATH", "/usr/bin",
                "HOME", "/root"));

        assertThat(settings.warnings()).singleElement().asString()
                .contains("HOTLINE_HTTP_PROT")
                .contains("did you mean HOTLINE_HTTP_PORT?");
        assertThat(settings.port(Setting.HOTLINE_HTTP_PORT)).isEqualTo(8080);
    }

    @Test
    void shouldRejectUnknownKeysInExplicitValues() {
        assertThatThrownBy(() -> Settings.of(Map.of("HOTLINE_DB_PASWORD", "x")))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("did you mean HOTLINE_DB_PASSWORD?");
    }

    @Test
    void shouldTreatAnEmptyValueAsUnsetForSettingsWithoutDefault() {
        Settings settings = Settings.load(Map.of("HOTLINE_DB_URL", "", "HOTLINE_CONFIG_FILE", ""));

        assertThat(settings.optional(Setting.HOTLINE_DB_URL)).isEmpty();
        assertThatThrownBy(() -> settings.string(Setting.HOTLINE_DB_URL))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageStartingWith("HOTLINE_DB_URL is not set");
    }

    @Test
    void shouldValidateEveryValueWhenLoadingNotWhenRead() {
        assertThatThrownBy(() -> Settings.load(Map.of("HOTLINE_AGI_PORT", "99999")))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("HOTLINE_AGI_PORT='99999' is not a port number (0-65535)");
    }

    @Test
    void shouldValidateValuesFromTheFileToo() throws IOException {
        Path file = write("HOTLINE_SEED_DEMO_WHEN_EMPTY=maybe\n");

        assertThatThrownBy(() -> Settings.load(Map.of("HOTLINE_CONFIG_FILE", file.toString())))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageStartingWith("HOTLINE_SEED_DEMO_WHEN_EMPTY='maybe' is not a boolean");
    }

    @ParameterizedTest
    @MethodSource("invalidValues")
    void shouldNameTheSettingTheValueAndTheExpectationWhenAValueIsInvalid(Setting setting, String value,
            String expected) {
        assertThatThrownBy(() -> Settings.of(Map.of(setting.key(), value)))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage(setting.key() + "='" + value + "' " + expected)
                .extracting(e -> ((InvalidSettingException) e).key()).isEqualTo(setting.key());
    }

    static Stream<Arguments> invalidValues() {
        return Stream.of(
                Arguments.of(Setting.HOTLINE_HTTP_PORT, "abc", "is not a port number (0-65535)"),
                Arguments.of(Setting.HOTLINE_HTTP_PORT, "-1", "is not a port number (0-65535)"),
                Arguments.of(Setting.HOTLINE_EMBEDDED_DB_PORT, "65536", "is not a port number (0-65535)"),
                Arguments.of(Setting.HOTLINE_DB_POOL_SIZE, "0", "is not a whole number from 1 to 200"),
                Arguments.of(Setting.HOTLINE_DB_POOL_SIZE, "201", "is not a whole number from 1 to 200"),
                Arguments.of(Setting.HOTLINE_DB_POOL_SIZE, "ten", "is not a whole number from 1 to 200"),
                Arguments.of(Setting.HOTLINE_SEED_DEMO_WHEN_EMPTY, "maybe",
                        "is not a boolean (true/false, yes/no or 1/0)"),
                Arguments.of(Setting.HOTLINE_DB_CONNECT_TIMEOUT, "5 seconds",
                        "is not a positive duration (e.g. 500ms, 30s, 10m, 4h, 2d or PT30M)"),
                Arguments.of(Setting.HOTLINE_HEALTH_INTERVAL, "0s",
                        "is not a positive duration (e.g. 500ms, 30s, 10m, 4h, 2d or PT30M)"),
                Arguments.of(Setting.HOTLINE_SLA_P1_RESPOND, "PT-5M",
                        "is not a positive duration (e.g. 500ms, 30s, 10m, 4h, 2d or PT30M)"),
                Arguments.of(Setting.HOTLINE_SHUTDOWN_TIMEOUT, "500ms", "is not a duration from 1s to 1m"),
                Arguments.of(Setting.HOTLINE_SHUTDOWN_TIMEOUT, "2m", "is not a duration from 1s to 1m"),
                Arguments.of(Setting.HOTLINE_BIND_ADDRESS, "example.com",
                        "is not a literal IPv4 or IPv6 address or localhost (e.g. 127.0.0.1, 0.0.0.0, ::1)"),
                Arguments.of(Setting.HOTLINE_BIND_ADDRESS, "256.1.1.1",
                        "is not a literal IPv4 or IPv6 address or localhost (e.g. 127.0.0.1, 0.0.0.0, ::1)"),
                Arguments.of(Setting.HOTLINE_BIND_ADDRESS, "fe80::zz",
                        "is not a literal IPv4 or IPv6 address or localhost (e.g. 127.0.0.1, 0.0.0.0, ::1)"),
                Arguments.of(Setting.HOTLINE_AGI_BIND_ADDRESS, "pbx.example.com",
                        "is not a literal IPv4 or IPv6 address or localhost (e.g. 127.0.0.1, 0.0.0.0, ::1)"),
                Arguments.of(Setting.HOTLINE_AGI_ALLOW, "10.0.0.0/33",
                        "has '10.0.0.0/33', whose prefix length is not 0-32"),
                Arguments.of(Setting.HOTLINE_AGI_ALLOW, "127.0.0.0/8,::1/129",
                        "has '::1/129', whose prefix length is not 0-128"),
                Arguments.of(Setting.HOTLINE_AGI_ALLOW, "10.0.0.0/+8",
                        "has '10.0.0.0/+8', whose prefix length is not 0-32"),
                Arguments.of(Setting.HOTLINE_AGI_ALLOW, "asterisk.local/32",
                        "has 'asterisk.local/32', which is not an IPv4 or IPv6 address or CIDR block "
                                + "(e.g. 127.0.0.0/8,::1/128 or 10.0.0.5)"),
                Arguments.of(Setting.HOTLINE_AGI_ALLOW, "127.0.0.0/8,,::1",
                        "has '', which is not an IPv4 or IPv6 address or CIDR block "
                                + "(e.g. 127.0.0.0/8,::1/128 or 10.0.0.5)"),
                Arguments.of(Setting.HOTLINE_AGI_ALLOW, "",
                        "has '', which is not an IPv4 or IPv6 address or CIDR block "
                                + "(e.g. 127.0.0.0/8,::1/128 or 10.0.0.5)"),
                Arguments.of(Setting.HOTLINE_AGI_MAX_CONNECTIONS, "0", "is not a whole number from 1 to 1000000"),
                Arguments.of(Setting.HOTLINE_AGI_MAX_CONNECTIONS_PER_ADDRESS, "lots",
                        "is not a whole number from 1 to 1000000"),
                Arguments.of(Setting.HOTLINE_AGI_HEADER_TIMEOUT, "2m", "is not a duration from 100ms to 1m"),
                Arguments.of(Setting.HOTLINE_LOG_LEVEL, "VERBOSE",
                        "is not a log level (TRACE, DEBUG, INFO, WARN or ERROR)"),
                Arguments.of(Setting.HOTLINE_DB_USER, " ", "must not be blank"),
                Arguments.of(Setting.HOTLINE_DATA_DIR, "", "must not be blank"),
                Arguments.of(Setting.HOTLINE_DATA_DIR, "bad\u0000path",
                        "is not a valid path (Nul character not allowed)"),
                Arguments.of(Setting.HOTLINE_DB_URL, "jdbc:postgresql://db/hotline",
                        "is not a MySQL or MariaDB JDBC URL (jdbc:mysql://host:3306/hotline or "
                                + "jdbc:mariadb://host:3306/hotline)"));
    }

    @ParameterizedTest
    @CsvSource({
        "500ms, PT0.5S",
        "30s, PT30S",
        "10m, PT10M",
        "4h, PT4H",
        "2d, PT48H",
        "PT30M, PT30M",
        "pt1h30m, PT1H30M",
        "P1D, PT24H"
    })
    void shouldParseDurations(String value, String expected) {
        Settings settings = Settings.of(Map.of("HOTLINE_DB_CONNECT_TIMEOUT", value));

        assertThat(settings.duration(Setting.HOTLINE_DB_CONNECT_TIMEOUT)).isEqualTo(Duration.parse(expected));
    }

    @ParameterizedTest
    @CsvSource({"true, true", "YES, true", "1, true", "false, false", "no, false", "0, false"})
    void shouldParseBooleans(String value, boolean expected) {
        Settings settings = Settings.of(Map.of("HOTLINE_SEED_DEMO_WHEN_EMPTY", value));

        assertThat(settings.bool(Setting.HOTLINE_SEED_DEMO_WHEN_EMPTY)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.0/8,::1/128", "10.0.0.5", " 10.0.0.0/8 , 2001:db8::/32 ", "0.0.0.0/0",
        "::ffff:10.0.0.1/32", "fe80::1/64"})
    void shouldAcceptCidrBlocksForTheAgiAllowList(String value) {
        Settings settings = Settings.of(Map.of("HOTLINE_AGI_ALLOW", value));

        assertThat(settings.addressBlocks(Setting.HOTLINE_AGI_ALLOW)).isEqualTo(value.strip());
    }

    @ParameterizedTest
    @CsvSource({"0.0.0.0, 0.0.0.0", "localhost, localhost", "::1, ::1", "[::], ::",
        "::ffff:10.0.0.1, ::ffff:10.0.0.1", "2001:db8::8a2e:370:7334, 2001:db8::8a2e:370:7334"})
    void shouldAcceptLiteralBindAddresses(String value, String expected) {
        Settings settings = Settings.of(Map.of("HOTLINE_BIND_ADDRESS", value));

        assertThat(settings.bindAddress(Setting.HOTLINE_BIND_ADDRESS)).isEqualTo(expected);
    }

    @Test
    void shouldNormalizeTheLogLevelToUpperCase() {
        assertThat(Settings.of(Map.of("HOTLINE_LOG_LEVEL", "debug")).logLevel(Setting.HOTLINE_LOG_LEVEL))
                .isEqualTo("DEBUG");
    }

    @Test
    void shouldMaskSecretsInDescribe() {
        Settings settings = Settings.of(Map.of("HOTLINE_DB_PASSWORD", "hunter2",
                "HOTLINE_DB_URL", "jdbc:mysql://app:s3cret@db:3306/hotline?user=app&password=s3cret"
                        + "&password1=s3cret&sslMode=REQUIRED&trustCertificateKeyStorePassword=s3cret"));

        assertThat(settings.describe())
                .contains("HOTLINE_DB_PASSWORD=****** (source: env)")
                .contains("HOTLINE_DB_URL=jdbc:mysql://app:******@db:3306/hotline?user=app&password=******"
                        + "&password1=******&sslMode=REQUIRED&trustCertificateKeyStorePassword=****** (source: env)")
                .contains("HOTLINE_HTTP_PORT=8080 (source: default)")
                .contains("HOTLINE_CONFIG_FILE=<unset> (source: default)")
                .hasSize(Setting.values().length)
                .noneMatch(line -> line.contains("hunter2") || line.contains("s3cret"));
    }

    @Test
    void shouldShowAnEmptySecretAsEmpty() {
        assertThat(Settings.of(Map.of()).describe()).contains("HOTLINE_DB_PASSWORD= (source: default)");
    }

    @Test
    void shouldMaskSecretsInExceptionMessages() {
        Settings settings = Settings.of(Map.of("HOTLINE_DB_PASSWORD", "hunter2"));

        assertThatThrownBy(() -> settings.port(Setting.HOTLINE_DB_PASSWORD))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("HOTLINE_DB_PASSWORD='******' is not a port number (0-65535)");
    }

    @Test
    void shouldMaskPasswordsInJdbcUrlsInExceptionMessages() {
        assertThatThrownBy(() -> Settings.of(Map.of("HOTLINE_DB_URL", "jdbc:pg://db/x?password=s3cret")))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("password=******")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void shouldBuildServiceLevelsAndDispatchDeadlinesFromSettings() {
        Map<String, String> values = new HashMap<>();
        values.put("HOTLINE_SLA_P1_RESPOND", "15m");
        values.put("HOTLINE_SLA_P1_RESOLVE", "1h");
        values.put("HOTLINE_SLA_P3_RESOLVE", "3d");
        values.put("HOTLINE_DISPATCH_SEND_DEADLINE", "5m");
        values.put("HOTLINE_SURVEY_DELAY", "PT45M");

        Settings settings = Settings.of(values);

        assertThat(settings.serviceLevels().target(Severity.P1))
                .isEqualTo(new SlaTarget(Duration.ofMinutes(15), Duration.ofHours(1)));
        assertThat(settings.serviceLevels().target(Severity.P2))
                .isEqualTo(new SlaTarget(Duration.ofHours(4), Duration.ofHours(24)));
        assertThat(settings.serviceLevels().target(Severity.P3))
                .isEqualTo(new SlaTarget(Duration.ofHours(8), Duration.ofDays(3)));
        assertThat(settings.field()).isEqualTo(new FieldConfig(Duration.ofMinutes(5), Duration.ofHours(4),
                Duration.ofHours(3), Duration.ofMinutes(45), Duration.ofHours(1), 3, "supervisors"));
    }

    @Test
    void shouldRefuseAnAssignmentWarningThatIsNotBeforeTheDeadlineNamingTheSetting() {
        assertThatThrownBy(() -> Settings.of(Map.of("HOTLINE_DISPATCH_ASSIGN_WARNING", "5h")))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("HOTLINE_DISPATCH_ASSIGN_WARNING");
    }

    @Test
    void shouldRefuseAnUnknownSmsGatewayAndAGatewayUrlThatIsNotHttp() {
        assertThatThrownBy(() -> Settings.of(Map.of("HOTLINE_SMS_GATEWAY", "carrier-pigeon")))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("file, http");
        assertThatThrownBy(() -> Settings.of(Map.of("HOTLINE_SMS_GATEWAY_URL", "ftp://gateway.example/send")))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("HOTLINE_SMS_GATEWAY_URL");
    }

    @Test
    void shouldBuildTheCallbackPolicyFromSettingsAndRejectOutOfRangeValues() {
        assertThat(Settings.of(Map.of()).callbackPolicy()).isEqualTo(CallbackPolicy.DEFAULT);
        assertThat(Settings.of(Map.of("HOTLINE_CALLBACK_ATTEMPTS", "5", "HOTLINE_CALLBACK_RETRY_DELAY", "30m"))
                .callbackPolicy()).isEqualTo(new CallbackPolicy(5, Duration.ofMinutes(30)));
        assertThatThrownBy(() -> Settings.of(Map.of("HOTLINE_CALLBACK_ATTEMPTS", "0")))
                .isInstanceOf(InvalidSettingException.class).hasMessageContaining("HOTLINE_CALLBACK_ATTEMPTS");
        assertThatThrownBy(() -> Settings.of(Map.of("HOTLINE_CALLBACK_RETRY_DELAY", "10s")))
                .isInstanceOf(InvalidSettingException.class).hasMessageContaining("HOTLINE_CALLBACK_RETRY_DELAY");
    }

    @Test
    void shouldRejectAResolveTargetShorterThanItsRespondTarget() {
        assertThatThrownBy(() -> Settings.of(Map.of("HOTLINE_SLA_P2_RESPOND", "30h")))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("HOTLINE_SLA_P2_RESOLVE='24h' must not be shorter than HOTLINE_SLA_P2_RESPOND='30h'");
    }

    @Test
    void shouldFailWhenReadingAnUnsetSettingAsRequired() {
        assertThatThrownBy(() -> Settings.of(Map.of()).path(Setting.HOTLINE_CONFIG_FILE))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageStartingWith("HOTLINE_CONFIG_FILE is not set");
    }

    @Test
    void shouldReadTheConfigFileNamedInExplicitValues() throws IOException {
        Path file = write("HOTLINE_LOG_LEVEL=WARN\n");

        Settings settings = Settings.of(Map.of("HOTLINE_CONFIG_FILE", file.toString()));

        assertThat(settings.logLevel(Setting.HOTLINE_LOG_LEVEL)).isEqualTo("WARN");
        assertThat(settings.describe()).contains("HOTLINE_LOG_LEVEL=WARN (source: file)");
    }

    private Path write(String content) throws IOException {
        Path file = directory.resolve("hotline.properties");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }
}
