package io.hotline.ops.config;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Every configuration setting of Hotline, each read from the environment variable of the same name or from the
 * optional properties file named by {@link #HOTLINE_CONFIG_FILE}. This enum is the one list: the README table,
 * {@link Settings#describe()} and the validation at startup are all generated from it.
 *
 * <p>Each constant carries the rule that validates its value; {@link Settings} applies every rule when it loads,
 * so a bad value stops Hotline at startup. Immutable and thread-safe.
 */
public enum Setting {
    HOTLINE_CONFIG_FILE(null, SettingValues::path,
            "Path of an optional Java-properties file whose keys are these same names; environment variables win "
                    + "over the file."),
    HOTLINE_DATA_DIR("./data", SettingValues::path,
            "Hotline's data directory, owner-only: the embedded MariaDB's files and password, the routing journal, "
                    + "and the lock that keeps a second Hotline out."),
    HOTLINE_DB_URL(null, SettingValues::jdbcUrl,
            "JDBC URL (jdbc:mysql: or jdbc:mariadb:) of an external MySQL 8 or MariaDB 10.11+; unset starts the "
                    + "embedded MariaDB."),
    HOTLINE_DB_USER("root", SettingValues::nonBlank,
            "Database user name."),
    HOTLINE_DB_PASSWORD("", Setting::anyValue, Secrecy.SECRET,
            "Database password; never logged or shown."),
    HOTLINE_DB_POOL_SIZE("10", (setting, value) -> SettingValues.intInRange(setting, value, 1, 200),
            "Maximum number of pooled database connections (1-200)."),
    HOTLINE_DB_CONNECT_TIMEOUT("5s", SettingValues::duration,
            "How long to wait for a database connection before giving up."),
    HOTLINE_EMBEDDED_DB_PORT("0", SettingValues::port,
            "TCP port of the embedded MariaDB; 0 picks a free port."),
    HOTLINE_BIND_ADDRESS("127.0.0.1", SettingValues::bindAddress,
            "Address the HTTP server listens on: a literal IPv4 or IPv6 address, or localhost."),
    HOTLINE_HTTP_PORT("8080", SettingValues::port,
            "TCP port of the HTTP server (health, metrics, APIs); 0 picks a free port."),
    HOTLINE_AGI_PORT("4573", SettingValues::port,
            "TCP port of the FastAGI server that Asterisk connects to; 0 picks a free port."),
    HOTLINE_AGI_BIND_ADDRESS("127.0.0.1", SettingValues::bindAddress,
            "Address the FastAGI server listens on (literal IPv4 or IPv6 address, or localhost); only Asterisk may "
                    + "reach it."),
    HOTLINE_AGI_ALLOW("127.0.0.0/8,::1/128", SettingValues::addressBlocks,
            "Client addresses FastAGI serves, as comma-separated CIDR blocks (10.0.0.5/32,2001:db8::/32); others "
                    + "are closed before a byte is read."),
    HOTLINE_AGI_MAX_CONNECTIONS("10000", (setting, value) -> SettingValues.intInRange(setting, value, 1,
            1_000_000),
            "FastAGI connections open at once (each waiting caller holds one); one more is closed at once."),
    HOTLINE_AGI_MAX_CONNECTIONS_PER_ADDRESS("10000", (setting, value) -> SettingValues.intInRange(setting, value,
            1, 1_000_000),
            "FastAGI connections open at once from one client address; lower it when several Asterisk servers "
                    + "share one Hotline."),
    HOTLINE_AGI_HEADER_TIMEOUT("5s",
            (setting, value) -> SettingValues.durationInRange(setting, value, Duration.ofMillis(100),
                    Duration.ofSeconds(60)),
            "How long a FastAGI client may take to send its request header (100ms-60s); Asterisk sends it at "
                    + "once."),
    HOTLINE_ASTERISK_NAME("asterisk", (setting, value) -> SettingValues.nonBlankUpTo(setting, value, 64),
            "Name of the Asterisk server whose calls this Hotline serves (1-64 characters); with the call's linkedid "
                    + "it identifies the call's work order."),
    HOTLINE_AMI_HOST(null, SettingValues::amiHosts,
            "Asterisk Manager Interface to follow: host[:port], or name=host[:port],... for several servers; unset "
                    + "runs without AMI (health shows ami DISABLED)."),
    HOTLINE_AMI_PORT("5038", SettingValues::port,
            "AMI port of the hosts given without one."),
    HOTLINE_AMI_USER("hotline", SettingValues::nonBlank,
            "AMI user (manager.conf) with read = call,system,agent,reporting and write = call,originate,system."),
    HOTLINE_AMI_SECRET("", Setting::anyValue, Secrecy.SECRET,
            "That AMI user's secret; never logged or shown."),
    HOTLINE_AMI_PING_INTERVAL("10s",
            (setting, value) -> SettingValues.durationInRange(setting, value, Duration.ofSeconds(1),
                    Duration.ofMinutes(5)),
            "How often an idle AMI connection pings (1s-5m); three intervals without a byte count as a dead "
                    + "socket and start a reconnect."),
    HOTLINE_SEED_DEMO_WHEN_EMPTY("true", SettingValues::bool,
            "Whether run loads the demo organisation when the embedded database has no seats; never into an "
                    + "external one (seed --demo --into-external does that)."),
    HOTLINE_ROUTING_FILE(null, SettingValues::path,
            "Java-properties file with the routing configuration (queues, steps, timers, business hours); unset "
                    + "uses the built-in defaults."),
    HOTLINE_SLA_P1_RESPOND("30m", SettingValues::duration,
            "Time from opening a P1 (system down, data lost) work order to the first response."),
    HOTLINE_SLA_P1_RESOLVE("2h", SettingValues::duration,
            "Time from opening a P1 work order to its resolution."),
    HOTLINE_SLA_P2_RESPOND("4h", SettingValues::duration,
            "Time from opening a P2 (key module broken) work order to the first response."),
    HOTLINE_SLA_P2_RESOLVE("24h", SettingValues::duration,
            "Time from opening a P2 work order to its resolution."),
    HOTLINE_SLA_P3_RESPOND("8h", SettingValues::duration,
            "Time from opening a P3 (how-to, configuration) work order to the first response."),
    HOTLINE_SLA_P3_RESOLVE("48h", SettingValues::duration,
            "Time from opening a P3 work order to its resolution."),
    HOTLINE_SLA_BUSINESS_HOURS_CONTRACTS(null, SettingValues::contractLevels,
            "Contract levels (BASIC, STANDARD, PREMIUM, comma-separated) whose SLA clocks count tier 1's opening "
                    + "hours only; unset counts all 24x7."),
    HOTLINE_REOPEN_DAYS("7", (setting, value) -> SettingValues.intInRange(setting, value, 0, 365),
            "Days after resolution (or closure) within which a work order may be reopened (0-365)."),
    HOTLINE_DISPATCH_SEND_DEADLINE("10m", SettingValues::duration,
            "Time a branch has to acknowledge an on-site order before it goes to the next nearest branch."),
    HOTLINE_DISPATCH_ASSIGN_DEADLINE("4h", SettingValues::duration,
            "Time from a branch's acknowledgement to an assigned field engineer; headquarters is alerted at breach."),
    HOTLINE_DISPATCH_ASSIGN_WARNING("3h", SettingValues::duration,
            "Time from a branch's acknowledgement to the warning that the assignment is not done yet; below "
                    + "HOTLINE_DISPATCH_ASSIGN_DEADLINE."),
    HOTLINE_SURVEY_DELAY("30m", SettingValues::duration,
            "Delay from the engineer's completion SMS to the branch supervisor's follow-up call."),
    HOTLINE_FOLLOW_UP_RETRY("1h", SettingValues::duration,
            "Time to the next follow-up attempt when the customer could not be reached."),
    HOTLINE_FOLLOW_UP_ATTEMPTS("3", (setting, value) -> SettingValues.intInRange(setting, value, 1, 10),
            "Follow-up attempts (1-10) before the order is scored without the customer's satisfaction."),
    HOTLINE_SMS_GATEWAY("file", (setting, value) -> SettingValues.oneOf(setting, value, "file", "http"),
            "How SMS leave: file (appended to sms-outbox.jsonl in the data directory) or http (the gateway below)."),
    HOTLINE_SMS_GATEWAY_URL(null, SettingValues::httpUrl,
            "The HTTP SMS gateway's URL (with HOTLINE_SMS_GATEWAY=http)."),
    HOTLINE_SMS_GATEWAY_TOKEN("", Setting::anyValue, Secrecy.SECRET,
            "Bearer token for the HTTP SMS gateway; never logged or shown."),
    HOTLINE_SMS_GATEWAY_USER("", Setting::anyValue,
            "User for the HTTP SMS gateway's basic authentication (instead of a token)."),
    HOTLINE_SMS_GATEWAY_PASSWORD("", Setting::anyValue, Secrecy.SECRET,
            "Password for the HTTP SMS gateway's basic authentication; never logged or shown."),
    HOTLINE_SMS_GATEWAY_TEMPLATE("{\"to\":\"${to}\",\"text\":\"${text}\"}", SettingValues::nonBlank,
            "Body sent to the HTTP SMS gateway; ${to} and ${text} are replaced, escaped for the content type."),
    HOTLINE_SMS_GATEWAY_CONTENT_TYPE("application/json",
            (setting, value) -> SettingValues.oneOf(setting, value, "application/json",
                    "application/x-www-form-urlencoded"),
            "Content type of the HTTP SMS gateway's body: application/json or application/x-www-form-urlencoded."),
    HOTLINE_SMS_WEBHOOK_SECRET("", Setting::anyValue, Secrecy.SECRET,
            "Shared secret of the SMS gateway's inbound webhook (HMAC-SHA256 signature); unset disables the "
                    + "webhook; never logged or shown."),
    HOTLINE_CLOCK_OFFSET_FILE(null, SettingValues::path,
            "For tests only: a file holding an ISO-8601 duration (PT10M) added to the clock of the service desk, "
                    + "the field leg and the SMS webhook, re-read when it changes."),
    HOTLINE_CALLBACK_ATTEMPTS("3", (setting, value) -> SettingValues.intInRange(setting, value, 1, 10),
            "Attempts at a callback's customer (1-10) before it is given up as NO_ANSWER or FAILED."),
    HOTLINE_CALLBACK_RETRY_DELAY("10m",
            (setting, value) -> SettingValues.durationInRange(setting, value, Duration.ofMinutes(1),
                    Duration.ofHours(24)),
            "Time from a callback attempt the customer did not answer to the next one (1m-24h)."),
    HOTLINE_SESSION_HOURS("12", (setting, value) -> SettingValues.intInRange(setting, value, 1, 720),
            "Hours a sign-in session lasts at most, from sign-in (1-720); sign-out and revocation end it sooner."),
    HOTLINE_ADMIN_PASSWORD("", Setting::anyValue, Secrecy.SECRET,
            "Password of the account admin, created at start when no enabled admin exists; never logged or shown."),
    HOTLINE_WALLBOARD_TOKEN("", Setting::anyValue, Secrecy.SECRET,
            "Read-only token of wall screens (24-128 of A-Z a-z 0-9 . _ ~ -): opens /wallboard and nothing else; "
                    + "never logged or shown."),
    HOTLINE_HEALTH_INTERVAL("2s", SettingValues::duration,
            "How often the health checks run; also each check's time budget."),
    HOTLINE_FIGURES_INTERVAL("30s",
            (setting, value) -> SettingValues.durationInRange(setting, value, Duration.ofSeconds(1),
                    Duration.ofHours(1)),
            "How often today's figures (the hotline_today_* gauges) are read from the database (1s-1h)."),
    HOTLINE_SHUTDOWN_TIMEOUT("8s",
            (setting, value) -> SettingValues.durationInRange(setting, value, Duration.ofSeconds(1),
                    Duration.ofSeconds(60)),
            "How long a graceful shutdown may take before Hotline stops anyway (1s-60s)."),
    HOTLINE_LOG_LEVEL("INFO", SettingValues::logLevel,
            "Root log level: TRACE, DEBUG, INFO, WARN or ERROR.");

    /** The most edits between an unknown key and a known one for the known one to be suggested. */
    private static final int MAX_SUGGESTION_DISTANCE = 3;

    private final String defaultValue;
    private final Rule rule;
    private final String description;
    private final Secrecy secrecy;

    Setting(String defaultValue, Rule rule, String description) {
        this(defaultValue, rule, Secrecy.PLAIN, description);
    }

    Setting(String defaultValue, Rule rule, Secrecy secrecy, String description) {
        this.defaultValue = defaultValue;
        this.rule = rule;
        this.secrecy = secrecy;
        this.description = description;
    }

    /** The environment variable, and properties key, that sets this setting. */
    public String key() {
        return name();
    }

    /** The value used when neither the environment nor the file sets one; {@code null} when there is none. */
    public String defaultValue() {
        return defaultValue;
    }

    /** One sentence for the README table and {@code --help}. */
    public String description() {
        return description;
    }

    /** Whether the value must never be shown: it is masked in {@link Settings#describe()} and in errors. */
    public boolean isSecret() {
        return secrecy == Secrecy.SECRET;
    }

    /** Throws {@link InvalidSettingException} unless {@code value} is acceptable for this setting. */
    void validate(String value) {
        rule.check(this, value);
    }

    /** The setting whose key is {@code key}, if any. */
    static Optional<Setting> byKey(String key) {
        for (Setting setting : values()) {
            if (setting.key().equals(key)) {
                return Optional.of(setting);
            }
        }
        return Optional.empty();
    }

    /** The known setting closest to a mistyped {@code key}, if one is close enough to be what was meant. */
    static Optional<Setting> closestTo(String key) {
        String wanted = key.toUpperCase(Locale.ROOT);
        Setting best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (Setting setting : values()) {
            int distance = editDistance(wanted, setting.key());
            if (distance < bestDistance) {
                best = setting;
                bestDistance = distance;
            }
        }
        return bestDistance <= MAX_SUGGESTION_DISTANCE ? Optional.of(best) : Optional.empty();
    }

    /** Levenshtein distance, two rows at a time; also suggests routing-file keys. */
    static int editDistance(String left, String right) {
        int[] previous = new int[right.length() + 1];
        int[] current = new int[right.length() + 1];
        for (int j = 0; j <= right.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= left.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= right.length(); j++) {
                int substitution = previous[j - 1] + (left.charAt(i - 1) == right.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[right.length()];
    }

    private static void anyValue(Setting setting, String value) {
        // Any string, including the empty one, is a valid password.
    }

    /** Whether a value may be shown; an enum rather than a bare boolean so the constants read clearly. */
    private enum Secrecy {
        PLAIN,
        SECRET
    }

    /** Validates one setting's raw value. */
    @FunctionalInterface
    interface Rule {
        void check(Setting setting, String value);
    }
}
