package io.hotline.ops.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * The keys of one routing file: typed accessors that remember every key asked for (so that the keys left over
 * are the unknown ones), and failures that name the file, the key and the value. Values are stripped; an empty
 * value counts as absent. Confined to the thread that loads the file.
 */
final class RoutingProperties {
    private static final String SETTING = Setting.HOTLINE_ROUTING_FILE.key();
    private static final String DURATIONS = "e.g. 500ms, 30s, 10m, 4h, 2d or PT30M";

    private final Path file;
    private final Map<String, String> values;
    private final Set<String> asked = new HashSet<>();

    private RoutingProperties(Path file, Map<String, String> values) {
        this.file = file;
        this.values = values;
    }

    /** Reads {@code file} (UTF-8); a key that appears twice is an error, not a silent override. */
    static RoutingProperties read(Path file) {
        StrictProperties properties = new StrictProperties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (NoSuchFileException e) {
            throw new InvalidSettingException(SETTING, SETTING + "='" + file + "' does not exist", e);
        } catch (IOException | IllegalArgumentException e) {
            // IllegalArgumentException: a malformed Unicode escape in the file.
            throw new InvalidSettingException(SETTING, SETTING + "='" + file + "' cannot be read (" + e + ")", e);
        }
        RoutingProperties routing = new RoutingProperties(file, new HashMap<>());
        if (properties.duplicate != null) {
            throw routing.failure(properties.duplicate, properties.duplicate + " appears more than once");
        }
        for (String key : properties.stringPropertyNames()) {
            String value = properties.getProperty(key).strip();
            if (!value.isEmpty()) {
                routing.values.put(key, value);
            }
        }
        return routing;
    }

    /** The value of {@code key}, if set. */
    Optional<String> optional(String key) {
        asked.add(key);
        return Optional.ofNullable(values.get(key));
    }

    /** The comma-separated entries of {@code key}, stripped, if set; an empty entry is an error. */
    Optional<List<String>> list(String key) {
        return optional(key).map(value -> {
            List<String> entries = new ArrayList<>();
            for (String entry : value.split(",", -1)) {
                if (entry.isBlank()) {
                    throw invalid(key, "has an empty entry (entries are separated by single commas)");
                }
                entries.add(entry.strip());
            }
            return List.copyOf(entries);
        });
    }

    /** A positive duration, or {@code fallback} when {@code key} is not set. */
    Duration positiveDuration(String key, Duration fallback) {
        return optional(key).map(value -> {
            Duration duration = SettingValues.parseDuration(value);
            if (duration == null || duration.isNegative() || duration.isZero()) {
                throw invalid(key, "is not a positive duration (" + DURATIONS + ")");
            }
            return duration;
        }).orElse(fallback);
    }

    /** A duration of zero or more, or {@code fallback} when {@code key} is not set. */
    Duration durationOrZero(String key, Duration fallback) {
        return optional(key).map(value -> {
            Duration duration = SettingValues.parseDuration(value);
            if (duration == null || duration.isNegative()) {
                throw invalid(key, "is not a duration of zero or more (" + DURATIONS + ")");
            }
            return duration;
        }).orElse(fallback);
    }

    /** A whole number from {@code min} to {@code max}, or {@code fallback} when {@code key} is not set. */
    int intInRange(String key, int fallback, int min, int max) {
        return optional(key).map(value -> {
            try {
                int number = Integer.parseInt(value);
                if (number >= min && number <= max) {
                    return number;
                }
            } catch (NumberFormatException e) {
                // Reported below, with the range.
            }
            throw invalid(key, "is not a whole number from " + min + " to " + max);
        }).orElse(fallback);
    }

    /** The failure {@code HOTLINE_ROUTING_FILE 'file': key='value' problem}. */
    InvalidSettingException invalid(String key, String problem) {
        return failure(key, key + "='" + values.get(key) + "' " + problem);
    }

    /** The failure for a value that a routing record rejected: its message says why. */
    InvalidSettingException invalid(String key, IllegalArgumentException rejected) {
        InvalidSettingException failure = invalid(key, "is invalid: " + rejected.getMessage());
        failure.initCause(rejected);
        return failure;
    }

    /** The failure for a required key that is not set. */
    InvalidSettingException missing(String key, String why) {
        return failure(key, key + " is missing: " + why);
    }

    /** The failure {@code HOTLINE_ROUTING_FILE 'file': message}, attributed to {@code key}. */
    InvalidSettingException failure(String key, String message) {
        return new InvalidSettingException(key, SETTING + " '" + file + "': " + message);
    }

    /** The keys set in the file that start with {@code prefix}, sorted; listing them does not count as asking. */
    List<String> keysStartingWith(String prefix) {
        return values.keySet().stream().filter(key -> key.startsWith(prefix)).sorted().toList();
    }

    /** Keys set in the file that nobody asked for, sorted so that the first one reported is stable. */
    List<String> unknownKeys() {
        Set<String> unknown = new TreeSet<>(values.keySet());
        unknown.removeAll(asked);
        return List.copyOf(unknown);
    }

    /** The key asked for that is closest to an unknown {@code key}, if one is close enough to be what was meant. */
    Optional<String> closestKnown(String key) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String known : new TreeSet<>(asked)) {
            int distance = Setting.editDistance(key, known);
            if (distance < bestDistance) {
                best = known;
                bestDistance = distance;
            }
        }
        return bestDistance <= 3 ? Optional.of(best) : Optional.empty();
    }

    /** Properties that remember the first key loaded twice. */
    private static final class StrictProperties extends Properties {
        private static final long serialVersionUID = 1L;

        private String duplicate;

        @Override
        public synchronized Object put(Object key, Object value) {
            Object previous = super.put(key, value);
            if (previous != null && duplicate == null) {
                duplicate = key.toString();
            }
            return previous;
        }
    }
}
