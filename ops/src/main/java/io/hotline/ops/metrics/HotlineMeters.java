package io.hotline.ops.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Every meter Hotline registers, with its name, description, base unit and the only tag keys it may carry.
 * Register meters through these constants (for example
 * {@code Gauge.builder(HEALTH_COMPONENT_UP.meterName(), ...).tags(HEALTH_COMPONENT_UP.tags("component", name))})
 * so that names stay consistent and no unbounded tag, such as a call id, slips in: {@link #tags(String...)}
 * rejects keys the meter does not declare. Immutable and thread-safe.
 */
public enum HotlineMeters {
    /** 1 while a component is ready (UP or DISABLED), 0 otherwise; one series per health-checked component. */
    HEALTH_COMPONENT_UP("hotline.health.component.up", Meter.Type.GAUGE, null,
            "Whether a health-checked component is ready (1) or not (0).", TagKey.COMPONENT),
    /** Every HTTP request answered, by route name (never the raw path) and status code. */
    HTTP_REQUESTS("hotline.http.requests", Meter.Type.TIMER, null,
            "HTTP requests answered, by route and status.", TagKey.ROUTE, TagKey.STATUS),
    /** Schema migrations applied to the database so far. */
    DB_MIGRATIONS_APPLIED("hotline.db.migrations.applied", Meter.Type.GAUGE, null,
            "Schema migrations applied to the database.");

    /**
     * The tag keys Hotline uses, each with a bounded set of values. Add a key here before using it on a meter.
     */
    public enum TagKey {
        /** A health-checked component, e.g. {@code database}; as many values as registered checks. */
        COMPONENT("component"),
        /** An HTTP route's name, e.g. {@code health}, {@code metrics}, {@code not_found}; never the raw path. */
        ROUTE("route"),
        /** An HTTP status code, e.g. {@code 200}. */
        STATUS("status");

        private final String key;

        TagKey(String key) {
            this.key = key;
        }

        /** The tag key as it appears on the meter. */
        public String key() {
            return key;
        }
    }

    private final String meterName;
    private final Meter.Type type;
    private final String baseUnit;
    private final String description;
    private final Set<TagKey> tagKeys;

    HotlineMeters(String meterName, Meter.Type type, String baseUnit, String description, TagKey... tagKeys) {
        this.meterName = meterName;
        this.type = type;
        this.baseUnit = baseUnit;
        this.description = description;
        // An unmodifiable EnumSet keeps the declaration order, which error messages and docs show.
        this.tagKeys = Collections.unmodifiableSet(
                tagKeys.length == 0 ? EnumSet.noneOf(TagKey.class) : EnumSet.of(tagKeys[0], tagKeys));
    }

    /** The meter name in Micrometer dot notation, e.g. {@code hotline.http.requests}. */
    public String meterName() {
        return meterName;
    }

    /** The kind of meter to register under this name. */
    public Meter.Type type() {
        return type;
    }

    /**
     * The base unit for gauges and counters, or {@code null} when the value has none (a count of things, a 0/1
     * flag) or the registry decides it (timers are exported in seconds by Prometheus).
     */
    public String baseUnit() {
        return baseUnit;
    }

    /** One sentence shown as the Prometheus {@code # HELP} text. */
    public String description() {
        return description;
    }

    /** The tag keys this meter carries; no other keys are allowed. */
    public Set<TagKey> tagKeys() {
        return tagKeys;
    }

    /**
     * Tags for this meter from alternating keys and values, checked against {@link #tagKeys()}.
     *
     * @throws IllegalArgumentException if the number of arguments is odd or a key is not declared for this meter
     */
    public Tags tags(String... keyValues) {
        if (keyValues.length % 2 != 0) {
            throw new IllegalArgumentException(meterName + ": tags need key-value pairs, got " + keyValues.length
                    + " strings");
        }
        List<String> allowed = new ArrayList<>();
        for (TagKey tagKey : tagKeys) {
            allowed.add(tagKey.key());
        }
        for (int i = 0; i < keyValues.length; i += 2) {
            if (!allowed.contains(keyValues[i])) {
                throw new IllegalArgumentException(meterName + " does not declare tag '" + keyValues[i]
                        + "'; allowed: " + allowed);
            }
        }
        return Tags.of(keyValues);
    }
}
