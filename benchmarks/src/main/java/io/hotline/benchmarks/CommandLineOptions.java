package io.hotline.benchmarks;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The {@code --name value} options of the benchmark mains. Unknown names and malformed numbers fail fast.
 * Immutable; thread-safe.
 */
public final class CommandLineOptions {
    private final Map<String, String> values;

    private CommandLineOptions(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /** Parses {@code args}, accepting only the {@code known} names (without the dashes). */
    public static CommandLineOptions parse(String[] args, Set<String> known) {
        if (args.length % 2 != 0) {
            throw new IllegalArgumentException("options come in pairs --name value; got " + args.length + " words");
        }
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            String name = args[i].startsWith("--") ? args[i].substring(2) : "";
            if (!known.contains(name)) {
                throw new IllegalArgumentException("unknown option '" + args[i] + "'; known: " + known);
            }
            values.put(name, args[i + 1]);
        }
        return new CommandLineOptions(values);
    }

    public String text(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    public int integer(String name, int fallback) {
        return (int) number(name, fallback);
    }

    public long number(String name, long fallback) {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Long.parseLong(value.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " needs a number, not '" + value + "'", e);
        }
    }
}
