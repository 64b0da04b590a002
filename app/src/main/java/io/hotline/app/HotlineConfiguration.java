package io.hotline.app;

import io.hotline.app.people.AccountsConfig;
import io.hotline.ops.config.AmiHost;
import io.hotline.ops.config.InvalidSettingException;
import io.hotline.ops.config.Setting;
import io.hotline.ops.config.Settings;
import io.hotline.routing.callback.CallbackPolicy;
import io.hotline.routing.desk.DeskConfig;
import io.hotline.app.field.FieldSettings;
import io.hotline.web.sms.HttpSmsGatewayConfig;
import io.hotline.web.sms.SmsWebhookConfig;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import io.hotline.routing.engine.RoutingConfig;
import io.hotline.routing.hours.BusinessHours;
import io.hotline.routing.sla.ServiceLevels;
import io.hotline.telephony.agi.AgiLimits;
import io.hotline.telephony.agi.AgiServerConfig;
import io.hotline.telephony.agi.CidrBlock;
import io.hotline.telephony.ami.AmiServerConfig;
import io.hotline.web.WebConfig;
import java.time.Duration;
import io.hotline.app.wallboard.WallboardSettings;
import io.hotline.web.wallboard.WallboardAuthenticator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Every module's configuration, built once from the validated {@link Settings}: modules get their own config
 * records and never read settings themselves (CONTRIBUTING.md 1).
 *
 * @param database          where the database is, or how to start the embedded one
 * @param web               the HTTP server
 * @param agi               the FastAGI server: its own bind address, client allow-list and limits
 * @param asteriskName      the Asterisk server's name: with a call's linkedid it identifies the work order
 * @param ami               the Asterisk servers followed over AMI; empty when HOTLINE_AMI_HOST is unset
 * @param seedDemoWhenEmpty whether {@code run} loads the demo organisation into an empty database
 * @param serviceLevels     SLA targets per severity
 * @param desk              the service desk: the SLA targets, the hotline's hours (routing's), the contracts whose
 *                          clocks count business hours, the reopen window
 * @param dispatch          on-site dispatch clocks
 * @param routing           how calls are routed: HOTLINE_ROUTING_FILE, or the built-in defaults
 * @param healthInterval    how often component health is re-checked
 * @param figuresInterval   how often today's figures are read from the database (HOTLINE_FIGURES_INTERVAL)
 * @param shutdownTimeout   how long an orderly stop may take before Hotline gives up waiting
 * @param logLevel          the root log level
 * @param accounts          sign-in sessions' lifetime and the initial admin's password
 * @param callbacks         how callbacks are retried: HOTLINE_CALLBACK_ATTEMPTS, HOTLINE_CALLBACK_RETRY_DELAY
 * @param wallboard         the wall screens' read-only token: HOTLINE_WALLBOARD_TOKEN
 */
public record HotlineConfiguration(
        DatabaseSettings database, WebConfig web, AgiServerConfig agi, String asteriskName, List<AmiServerConfig> ami,
        boolean seedDemoWhenEmpty,
        ServiceLevels serviceLevels, DeskConfig desk, FieldSettings field, RoutingConfig routing,
        Duration healthInterval, Duration figuresInterval,
        Duration shutdownTimeout, String logLevel, AccountsConfig accounts, CallbackPolicy callbacks,
        WallboardSettings wallboard) {

    /** How long an AMI action waits for Asterisk's response. */
    static final Duration AMI_ACTION_TIMEOUT = Duration.ofSeconds(5);

    /** Whom the service desk's warnings go to beside the work order's owner: the supervisors' board. */
    static final String SUPERVISORS = "supervisors";

    /** Largest HTTP request body accepted; the SMS webhook and agent API of later issues fit well within it. */
    static final int MAX_REQUEST_BYTES = 64 * 1024;

    public HotlineConfiguration {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(web, "web");
        Objects.requireNonNull(agi, "agi");
        Objects.requireNonNull(asteriskName, "asteriskName");
        ami = List.copyOf(ami);
        Objects.requireNonNull(serviceLevels, "serviceLevels");
        Objects.requireNonNull(desk, "desk");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(routing, "routing");
        Objects.requireNonNull(healthInterval, "healthInterval");
        Objects.requireNonNull(figuresInterval, "figuresInterval");
        Objects.requireNonNull(shutdownTimeout, "shutdownTimeout");
        Objects.requireNonNull(logLevel, "logLevel");
        Objects.requireNonNull(accounts, "accounts");
        Objects.requireNonNull(callbacks, "callbacks");
        Objects.requireNonNull(wallboard, "wallboard");
    }

    /** Reads and validates everything; fails fast with the first invalid setting named. */
    public static HotlineConfiguration from(Settings settings) {
        DatabaseSettings database = new DatabaseSettings(
                settings.optional(Setting.HOTLINE_DB_URL),
                settings.string(Setting.HOTLINE_DB_USER),
                settings.optional(Setting.HOTLINE_DB_PASSWORD).orElse(""),
                settings.intInRange(Setting.HOTLINE_DB_POOL_SIZE, 1, 200),
                settings.duration(Setting.HOTLINE_DB_CONNECT_TIMEOUT),
                settings.path(Setting.HOTLINE_DATA_DIR),
                settings.port(Setting.HOTLINE_EMBEDDED_DB_PORT));
        WebConfig web = new WebConfig(settings.bindAddress(Setting.HOTLINE_BIND_ADDRESS),
                settings.port(Setting.HOTLINE_HTTP_PORT), MAX_REQUEST_BYTES);
        int agiPort = settings.port(Setting.HOTLINE_AGI_PORT);
        String agiAddress = settings.bindAddress(Setting.HOTLINE_AGI_BIND_ADDRESS);
        if (agiPort != 0 && agiPort == web.port() && sameListener(agiAddress, web.bindAddress())) {
            throw new InvalidSettingException(Setting.HOTLINE_AGI_PORT.key(), Setting.HOTLINE_AGI_PORT.key() + "="
                    + agiPort + " is also HOTLINE_HTTP_PORT on the same address: the FastAGI and HTTP servers need a"
                    + " port each");
        }
        AgiServerConfig agi = AgiServerConfig.of(agiAddress, agiPort).withLimits(agiLimits(settings));
        String asteriskName = settings.string(Setting.HOTLINE_ASTERISK_NAME);
        return new HotlineConfiguration(database, web, agi, asteriskName, ami(settings, asteriskName),
                settings.bool(Setting.HOTLINE_SEED_DEMO_WHEN_EMPTY), settings.serviceLevels(), desk(settings),
                field(settings), settings.routing(), settings.duration(Setting.HOTLINE_HEALTH_INTERVAL),
                settings.duration(Setting.HOTLINE_FIGURES_INTERVAL),
                settings.duration(Setting.HOTLINE_SHUTDOWN_TIMEOUT), settings.logLevel(Setting.HOTLINE_LOG_LEVEL),
                accounts(settings), settings.callbackPolicy(), wallboard(settings));
    }

    /** HOTLINE_WALLBOARD_TOKEN: long enough and fit for a WebSocket subprotocol (its value never in the message). */
    static WallboardSettings wallboard(Settings settings) {
        var token = settings.optional(Setting.HOTLINE_WALLBOARD_TOKEN).filter(value -> !value.isEmpty());
        if (token.isPresent() && !WallboardAuthenticator.TOKEN.matcher(token.get()).matches()) {
            throw new InvalidSettingException(Setting.HOTLINE_WALLBOARD_TOKEN.key(),
                    Setting.HOTLINE_WALLBOARD_TOKEN.key() + " must be 24 to 128 characters of A-Z a-z 0-9 . _ ~ -");
        }
        return new WallboardSettings(token);
    }

    /** HOTLINE_SESSION_HOURS and HOTLINE_ADMIN_PASSWORD (at least 8 characters, its value never in the message). */
    static AccountsConfig accounts(Settings settings) {
        var adminPassword = settings.optional(Setting.HOTLINE_ADMIN_PASSWORD).filter(password -> !password.isEmpty());
        if (adminPassword.isPresent() && adminPassword.get().length() < AccountsConfig.MIN_PASSWORD_LENGTH) {
            throw new InvalidSettingException(Setting.HOTLINE_ADMIN_PASSWORD.key(), Setting.HOTLINE_ADMIN_PASSWORD.key()
                    + " is shorter than " + AccountsConfig.MIN_PASSWORD_LENGTH + " characters");
        }
        return AccountsConfig.of(settings.intInRange(Setting.HOTLINE_SESSION_HOURS, 1, 720), adminPassword);
    }

    /**
     * The service desk's settings: the SLA targets, the hotline's hours (tier 1 of the routing configuration's
     * business hours, so that the desk and routing agree on what is after hours), those hours for each contract
     * level of HOTLINE_SLA_BUSINESS_HOURS_CONTRACTS, and the reopen window of HOTLINE_REOPEN_DAYS.
     */
    static DeskConfig desk(Settings settings) {
        BusinessHours hours = settings.routing().hours();
        Map<String, BusinessHours> contractHours = new LinkedHashMap<>();
        settings.contractLevels(Setting.HOTLINE_SLA_BUSINESS_HOURS_CONTRACTS)
                .forEach(level -> contractHours.put(level, hours));
        try {
            return new DeskConfig(settings.serviceLevels(), hours, contractHours,
                    Duration.ofDays(settings.intInRange(Setting.HOTLINE_REOPEN_DAYS, 0, 365)), SUPERVISORS);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(Setting.HOTLINE_SLA_BUSINESS_HOURS_CONTRACTS.key(),
                    Setting.HOTLINE_SLA_BUSINESS_HOURS_CONTRACTS.key() + ": " + e.getMessage()
                            + " (tier 1 of the routing configuration's hours)");
        }
    }

    /**
     * The field leg's settings: its deadlines; the HTTP SMS gateway when HOTLINE_SMS_GATEWAY=http (its URL then
     * required); the webhook when HOTLINE_SMS_WEBHOOK_SECRET is set (at least 16 bytes); the test clock's file.
     */
    static FieldSettings field(Settings settings) {
        Optional<HttpSmsGatewayConfig> gateway = Optional.empty();
        if ("http".equals(settings.string(Setting.HOTLINE_SMS_GATEWAY))) {
            String url = settings.optional(Setting.HOTLINE_SMS_GATEWAY_URL).orElseThrow(() ->
                    new InvalidSettingException(Setting.HOTLINE_SMS_GATEWAY_URL.key(), "HOTLINE_SMS_GATEWAY=http needs "
                            + Setting.HOTLINE_SMS_GATEWAY_URL.key()));
            try {
                gateway = Optional.of(new HttpSmsGatewayConfig(URI.create(url.strip()),
                        settings.optional(Setting.HOTLINE_SMS_GATEWAY_TOKEN).orElse(null),
                        settings.optional(Setting.HOTLINE_SMS_GATEWAY_USER).orElse(null),
                        settings.optional(Setting.HOTLINE_SMS_GATEWAY_PASSWORD).orElse(null),
                        settings.string(Setting.HOTLINE_SMS_GATEWAY_TEMPLATE),
                        settings.string(Setting.HOTLINE_SMS_GATEWAY_CONTENT_TYPE), null));
            } catch (IllegalArgumentException e) {
                throw new InvalidSettingException(Setting.HOTLINE_SMS_GATEWAY.key(), "the HTTP SMS gateway's settings: "
                        + e.getMessage());
            }
        }
        Optional<SmsWebhookConfig> webhook = settings.optional(Setting.HOTLINE_SMS_WEBHOOK_SECRET)
                .filter(secret -> !secret.isEmpty()).map(secret -> {
                    try {
                        return SmsWebhookConfig.of(secret.getBytes(StandardCharsets.UTF_8));
                    } catch (IllegalArgumentException e) {
                        // The message of the config names the length, never the value.
                        throw new InvalidSettingException(Setting.HOTLINE_SMS_WEBHOOK_SECRET.key(),
                                Setting.HOTLINE_SMS_WEBHOOK_SECRET.key() + ": " + e.getMessage());
                    }
                });
        return new FieldSettings(settings.field(), gateway, webhook,
                settings.optional(Setting.HOTLINE_CLOCK_OFFSET_FILE).map(file -> settings.path(
                        Setting.HOTLINE_CLOCK_OFFSET_FILE)));
    }

    /** Whether two bind addresses would take the same port: the same address, or either is every address. */
    static boolean sameListener(String one, String other) {
        return one.equals(other) || isWildcard(one) || isWildcard(other);
    }

    private static boolean isWildcard(String address) {
        return "0.0.0.0".equals(address) || "::".equals(address) || "0:0:0:0:0:0:0:0".equals(address);
    }

    private static AgiLimits agiLimits(Settings settings) {
        AgiLimits defaults = AgiLimits.defaults();
        return defaults.withAdmission(CidrBlock.parseList(settings.addressBlocks(Setting.HOTLINE_AGI_ALLOW)),
                        settings.intInRange(Setting.HOTLINE_AGI_MAX_CONNECTIONS, 1, 1_000_000),
                        settings.intInRange(Setting.HOTLINE_AGI_MAX_CONNECTIONS_PER_ADDRESS, 1, 1_000_000))
                .withHeader(settings.duration(Setting.HOTLINE_AGI_HEADER_TIMEOUT), defaults.maxHeaderBytes(),
                        defaults.maxHeaderLineLength());
    }

    private static List<AmiServerConfig> ami(Settings settings, String asteriskName) {
        Duration ping = settings.duration(Setting.HOTLINE_AMI_PING_INTERVAL);
        return settings.optional(Setting.HOTLINE_AMI_HOST).map(hosts -> AmiHost.parse(hosts, asteriskName,
                settings.port(Setting.HOTLINE_AMI_PORT))).orElse(List.of()).stream()
                .map(host -> AmiServerConfig.of(host.name(), host.host(), host.port(),
                        settings.string(Setting.HOTLINE_AMI_USER),
                        settings.optional(Setting.HOTLINE_AMI_SECRET).orElse(""))
                        .withTiming(ping, AMI_ACTION_TIMEOUT, Duration.ofSeconds(1), Duration.ofSeconds(30)))
                .toList();
    }
}
