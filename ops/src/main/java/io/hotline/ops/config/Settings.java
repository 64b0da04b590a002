package io.hotline.ops.config;

import io.hotline.routing.callback.CallbackPolicy;
import io.hotline.routing.field.FieldConfig;
import io.hotline.routing.engine.RoutingConfig;
import io.hotline.routing.sla.ServiceLevels;
import io.hotline.routing.sla.SlaTarget;
import io.hotline.routing.workorder.Severity;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Hotline's configuration, loaded once at startup from the environment and an optional properties file
 * ({@link Setting#HOTLINE_CONFIG_FILE}). Precedence, highest first: environment variable, file, default. An empty
 * value for a setting without a default (such as {@code HOTLINE_DB_URL=}) counts as unset.
 *
 * <p>Every value is validated while loading (including the routing file named by
 * {@link Setting#HOTLINE_ROUTING_FILE}), so a bad one fails at startup with an
 * {@link InvalidSettingException} that names the setting, shows the value (masked if secret) and says what was
 * expected. The typed accessors therefore only fail when asked to read a setting as a type it is not, or to
 * read an unset setting as required. A key in the file that is not a setting is an error; an unknown
 * {@code HOTLINE_*} environment variable is only a {@linkplain #warnings() warning}, because the launcher and
 * the shell have their own variables.
 *
 * <p>Immutable and thread-safe.
 */
public final class Settings {

    /** Environment variables of the launcher script, which are Hotline's but not settings; never warned about. */
    public static final Set<String> LAUNCHER_VARIABLES = Set.of("HOTLINE_JAVA_OPTS");

    private static final String PREFIX = "HOTLINE_";

    /** Where a setting's value came from. */
    public enum Source {
        /** The setting's {@link Setting#defaultValue() default}. */
        DEFAULT,
        /** The properties file named by {@link Setting#HOTLINE_CONFIG_FILE}. */
        FILE,
        /** An environment variable. */
        ENV
    }

    private final Map<Setting, String> values;
    private final Map<Setting, Source> sources;
    private final List<String> warnings;
    private final ServiceLevels serviceLevels;
    private final FieldConfig field;
    private final RoutingConfig routing;

    private Settings(Map<Setting, String> values, Map<Setting, Source> sources, List<String> warnings) {
        this.values = Collections.unmodifiableMap(new EnumMap<>(values));
        this.sources = Collections.unmodifiableMap(new EnumMap<>(sources));
        this.warnings = List.copyOf(warnings);
        values.forEach(Setting::validate);
        this.serviceLevels = buildServiceLevels();
        this.field = buildFieldConfig();
        this.routing = optional(Setting.HOTLINE_ROUTING_FILE).map(file -> RoutingFile.load(
                SettingValues.path(Setting.HOTLINE_ROUTING_FILE, file))).orElseGet(RoutingConfig::defaults);
    }

    /** The callback retry rule: {@code HOTLINE_CALLBACK_ATTEMPTS} attempts, {@code HOTLINE_CALLBACK_RETRY_DELAY}
     * apart. */
    public CallbackPolicy callbackPolicy() {
        return new CallbackPolicy(intInRange(Setting.HOTLINE_CALLBACK_ATTEMPTS, 1, 10),
                duration(Setting.HOTLINE_CALLBACK_RETRY_DELAY));
    }

    /**
     * Loads the settings from the process environment (usually {@link System#getenv()}) and, when
     * {@code HOTLINE_CONFIG_FILE} is set there, from that file.
     *
     * @throws InvalidSettingException if the file cannot be read, holds an unknown key, or any value is invalid
     */
    public static Settings load(Map<String, String> environment) {
        Objects.requireNonNull(environment, "environment");
        Map<Setting, String> fromEnvironment = new EnumMap<>(Setting.class);
        List<String> warnings = new ArrayList<>();
        // Sorted so that warnings come out in a stable order.
        for (Map.Entry<String, String> variable : new TreeMap<>(environment).entrySet()) {
            String key = variable.getKey();
            if (!key.startsWith(PREFIX) || LAUNCHER_VARIABLES.contains(key)) {
                continue;
            }
            Optional<Setting> setting = Setting.byKey(key);
            if (setting.isPresent()) {
                fromEnvironment.put(setting.get(), variable.getValue());
            } else {
                warnings.add("environment variable " + key + " is not a Hotline setting and is ignored"
                        + suggestion(key));
            }
        }
        return merge(fromEnvironment, warnings);
    }

    /**
     * Settings from explicit values, for tests and embedding: like {@link #load(Map)} but every key must be a
     * setting. The file named by {@code HOTLINE_CONFIG_FILE} is read only if {@code values} sets it.
     *
     * @throws InvalidSettingException if a key is not a setting or any value is invalid
     */
    public static Settings of(Map<String, String> values) {
        Objects.requireNonNull(values, "values");
        Map<Setting, String> explicit = new EnumMap<>(Setting.class);
        for (Map.Entry<String, String> entry : new TreeMap<>(values).entrySet()) {
            Setting setting = Setting.byKey(entry.getKey()).orElseThrow(() -> new InvalidSettingException(
                    entry.getKey(), entry.getKey() + " is not a Hotline setting" + suggestion(entry.getKey())));
            explicit.put(setting, Objects.requireNonNull(entry.getValue(), entry.getKey()));
        }
        return merge(explicit, List.of());
    }

    private static Settings merge(Map<Setting, String> fromEnvironment, List<String> warnings) {
        Map<Setting, String> fromFile = Map.of();
        Setting fileSetting = Setting.HOTLINE_CONFIG_FILE;
        String configFile = presentOrNull(fileSetting, fromEnvironment.get(fileSetting));
        if (configFile != null) {
            fromFile = ConfigFile.read(SettingValues.path(fileSetting, configFile));
        }
        Map<Setting, String> values = new EnumMap<>(Setting.class);
        Map<Setting, Source> sources = new EnumMap<>(Setting.class);
        for (Setting setting : Setting.values()) {
            String environmentValue = presentOrNull(setting, fromEnvironment.get(setting));
            String fileValue = presentOrNull(setting, fromFile.get(setting));
            if (environmentValue != null) {
                values.put(setting, environmentValue);
                sources.put(setting, Source.ENV);
            } else if (fileValue != null) {
                values.put(setting, fileValue);
                sources.put(setting, Source.FILE);
            } else {
                if (setting.defaultValue() != null) {
                    values.put(setting, setting.defaultValue());
                }
                sources.put(setting, Source.DEFAULT);
            }
        }
        return new Settings(values, sources, warnings);
    }

    /** {@code value}, or null when it is absent or is empty for a setting that has no default. */
    private static String presentOrNull(Setting setting, String value) {
        if (value == null || (value.isEmpty() && setting.defaultValue() == null)) {
            return null;
        }
        return value;
    }

    static String suggestion(String unknownKey) {
        return Setting.closestTo(unknownKey).map(known -> "; did you mean " + known.key() + "?").orElse("");
    }

    /** The raw value, if the setting has one. */
    public Optional<String> optional(Setting setting) {
        return Optional.ofNullable(values.get(setting));
    }

    /**
     * The raw value.
     *
     * @throws InvalidSettingException if the setting has no value
     */
    public String string(Setting setting) {
        String value = values.get(setting);
        if (value == null) {
            throw new InvalidSettingException(setting.key(), setting.key() + " is not set: " + setting.description());
        }
        return value;
    }

    /** A TCP port, 0-65535; 0 asks for an ephemeral port. */
    public int port(Setting setting) {
        return SettingValues.port(setting, string(setting));
    }

    /** A whole number from {@code min} to {@code max} inclusive. */
    public int intInRange(Setting setting, int min, int max) {
        return SettingValues.intInRange(setting, string(setting), min, max);
    }

    /** A boolean written true/false, yes/no or 1/0, in any case. */
    public boolean bool(Setting setting) {
        return SettingValues.bool(setting, string(setting));
    }

    /** A positive duration written {@code 500ms}, {@code 30s}, {@code 10m}, {@code 4h}, {@code 2d} or ISO-8601. */
    public Duration duration(Setting setting) {
        return SettingValues.duration(setting, string(setting));
    }

    /** A positive duration from {@code min} to {@code max} inclusive. */
    public Duration durationInRange(Setting setting, Duration min, Duration max) {
        return SettingValues.durationInRange(setting, string(setting), min, max);
    }

    /** A file-system path, relative to the working directory unless absolute. */
    public Path path(Setting setting) {
        return SettingValues.path(setting, string(setting));
    }

    /** A literal IPv4 or IPv6 address (without brackets), or {@code localhost}; never resolved through DNS. */
    public String bindAddress(Setting setting) {
        return SettingValues.bindAddress(setting, string(setting));
    }

    /** Comma-separated CIDR blocks of literal IPv4 or IPv6 addresses, checked but returned as written. */
    public String addressBlocks(Setting setting) {
        return SettingValues.addressBlocks(setting, string(setting));
    }

    /** One of TRACE, DEBUG, INFO, WARN, ERROR, in upper case. */
    public String logLevel(Setting setting) {
        return SettingValues.logLevel(setting, string(setting));
    }

    /**
     * The contract levels of {@link Setting#HOTLINE_SLA_BUSINESS_HOURS_CONTRACTS}, upper case, in the order given;
     * empty when unset (every contract counts 24x7).
     */
    public List<String> contractLevels(Setting setting) {
        return optional(setting).map(value -> List.of(SettingValues.contractLevels(setting, value).split(",")))
                .orElse(List.of());
    }

    /** Where the setting's value came from. */
    public Source source(Setting setting) {
        return sources.get(setting);
    }

    /** The SLA targets from the {@code HOTLINE_SLA_*} settings. */
    public ServiceLevels serviceLevels() {
        return serviceLevels;
    }

    /**
     * The field leg's deadlines: acknowledgement, assignment (and its warning), follow-up delay, retry and attempts;
     * headquarters is the supervisors' board.
     */
    public FieldConfig field() {
        return field;
    }

    private FieldConfig buildFieldConfig() {
        try {
            return new FieldConfig(duration(Setting.HOTLINE_DISPATCH_SEND_DEADLINE),
                    duration(Setting.HOTLINE_DISPATCH_ASSIGN_DEADLINE),
                    duration(Setting.HOTLINE_DISPATCH_ASSIGN_WARNING),
                    duration(Setting.HOTLINE_SURVEY_DELAY), duration(Setting.HOTLINE_FOLLOW_UP_RETRY),
                    intInRange(Setting.HOTLINE_FOLLOW_UP_ATTEMPTS, 1, 10), FieldConfig.DEFAULT.headquarters());
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(Setting.HOTLINE_DISPATCH_ASSIGN_WARNING.key(),
                    Setting.HOTLINE_DISPATCH_ASSIGN_WARNING.key() + ": " + e.getMessage());
        }
    }

    /**
     * The routing configuration: the file named by {@link Setting#HOTLINE_ROUTING_FILE}, read and validated while
     * loading, or {@link RoutingConfig#defaults()} when the setting is unset.
     */
    public RoutingConfig routing() {
        return routing;
    }

    /** Problems that do not stop Hotline, such as unknown {@code HOTLINE_*} environment variables. */
    public List<String> warnings() {
        return warnings;
    }

    /** One line per setting, {@code KEY=value (source: default|file|env)}, secrets masked; safe to log. */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        for (Setting setting : Setting.values()) {
            lines.add(setting.key() + "=" + SettingValues.shown(setting, values.get(setting))
                    + " (source: " + sources.get(setting).name().toLowerCase(Locale.ROOT) + ")");
        }
        return List.copyOf(lines);
    }

    private ServiceLevels buildServiceLevels() {
        Map<Severity, SlaTarget> targets = new EnumMap<>(Severity.class);
        for (Severity severity : Severity.values()) {
            Setting respondSetting = respond(severity);
            Setting resolveSetting = resolve(severity);
            Duration respond = duration(respondSetting);
            Duration resolve = duration(resolveSetting);
            if (resolve.compareTo(respond) < 0) {
                throw new InvalidSettingException(resolveSetting.key(), resolveSetting.key() + "='"
                        + string(resolveSetting) + "' must not be shorter than " + respondSetting.key() + "='"
                        + string(respondSetting) + "'");
            }
            targets.put(severity, new SlaTarget(respond, resolve));
        }
        return new ServiceLevels(targets);
    }

    private static Setting respond(Severity severity) {
        return switch (severity) {
            case P1 -> Setting.HOTLINE_SLA_P1_RESPOND;
            case P2 -> Setting.HOTLINE_SLA_P2_RESPOND;
            case P3 -> Setting.HOTLINE_SLA_P3_RESPOND;
        };
    }

    private static Setting resolve(Severity severity) {
        return switch (severity) {
            case P1 -> Setting.HOTLINE_SLA_P1_RESOLVE;
            case P2 -> Setting.HOTLINE_SLA_P2_RESOLVE;
            case P3 -> Setting.HOTLINE_SLA_P3_RESOLVE;
        };
    }
}
