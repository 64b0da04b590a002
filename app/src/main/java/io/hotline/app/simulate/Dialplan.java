package io.hotline.app.simulate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An {@code extensions.conf} as {@code pbx_config} reads it: {@code [globals]} assignments, contexts with
 * {@code exten =>}, {@code same =>} (priorities numbered or {@code n}, optional {@code (label)}) and
 * {@code include =>}; {@code ;} starts a comment. Finds the extension a dialled string reaches the way Asterisk
 * does (a literal before patterns, a context before its includes). Immutable after parsing; thread-safe.
 */
public final class Dialplan {
    private final Map<String, String> globals = new LinkedHashMap<>();
    private final Map<String, Context> contexts = new LinkedHashMap<>();

    private Dialplan() {
    }

    /** Reads and parses the file at {@code path}. */
    public static Dialplan load(Path path) throws IOException {
        return parse(Files.readString(path, StandardCharsets.UTF_8));
    }

    /** Parses dialplan text; fails on a line it does not understand. */
    public static Dialplan parse(String text) {
        Dialplan dialplan = new Dialplan();
        Context current = null;
        String currentName = null;
        Extension last = null;
        for (String raw : text.split("\n")) {
            String line = stripComment(raw).trim();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                current = new Context(new LinkedHashMap<>(), new ArrayList<>());
                currentName = line.substring(1, line.length() - 1);
                dialplan.contexts.put(currentName, current);
                last = null;
            } else if (dialplan.contexts.isEmpty()) {
                throw new IllegalArgumentException("line outside a context: " + line);
            } else if (line.startsWith("include")) {
                current.includes().add(value(line));
            } else if (line.startsWith("exten")) {
                String rest = value(line);
                int comma = rest.indexOf(',');
                String name = rest.substring(0, comma);
                last = current.extensions().computeIfAbsent(name, ignored -> new Extension());
                last.add(currentName, name, rest.substring(comma + 1));
            } else if (line.startsWith("same")) {
                last.add(currentName, last.name, value(line));
            } else if (line.contains("=") && "globals".equals(currentName)) {
                dialplan.globals.put(line.substring(0, line.indexOf('=')).trim(),
                        line.substring(line.indexOf('=') + 1).trim());
            } else {
                throw new IllegalArgumentException("cannot read dialplan line: " + line);
            }
        }
        return dialplan;
    }

    private static String stripComment(String line) {
        int semicolon = line.indexOf(';');
        while (semicolon > 0 && line.charAt(semicolon - 1) == '\\') {
            semicolon = line.indexOf(';', semicolon + 1);
        }
        return semicolon < 0 ? line : line.substring(0, semicolon);
    }

    private static String value(String line) {
        String rest = line.substring(line.indexOf('=') + 1);
        return (rest.startsWith(">") ? rest.substring(1) : rest).trim();
    }

    /** The {@code [globals]} assignments, in order. */
    public Map<String, String> globals() {
        return Map.copyOf(globals);
    }

    /** Whether the dialplan has this context. */
    public boolean hasContext(String context) {
        return contexts.containsKey(context);
    }

    /**
     * The extension (as written) that {@code exten} reaches in {@code context} or its includes, with the context
     * it was found in, or empty (Asterisk answers 404 to a SIP call for it).
     */
    public Optional<Match> match(String context, String exten) {
        Context found = contexts.get(context);
        if (found == null) {
            return Optional.empty();
        }
        Optional<String> own = found.extensions().keySet().stream()
                .map(ExtensionPattern::new)
                .filter(pattern -> pattern.matches(exten))
                .min(Comparator.comparingInt(ExtensionPattern::rank))
                .map(ExtensionPattern::name);
        if (own.isPresent()) {
            return Optional.of(new Match(context, own.get()));
        }
        for (String include : found.includes()) {
            Optional<Match> included = match(include, exten);
            if (included.isPresent()) {
                return included;
            }
        }
        return Optional.empty();
    }

    /** The step at {@code priority} of the extension, or empty when the extension has no such priority. */
    public Optional<DialplanStep> step(Match extension, int priority) {
        return Optional.ofNullable(contexts.get(extension.context()).extensions().get(extension.extension()))
                .map(found -> found.steps.get(priority));
    }

    /** The priority a label or number names in the extension; fails when it names none. */
    public int priority(Match extension, String labelOrNumber) {
        if (labelOrNumber.chars().allMatch(Character::isDigit)) {
            return Integer.parseInt(labelOrNumber);
        }
        Integer priority = contexts.get(extension.context()).extensions().get(extension.extension()).labels
                .get(labelOrNumber);
        if (priority == null) {
            throw new IllegalArgumentException("no label " + labelOrNumber + " in " + extension);
        }
        return priority;
    }

    /**
     * An extension as found: the context that holds it and its name as written.
     *
     * @param context   the context
     * @param extension the extension as written, e.g. {@code _+X.}
     */
    public record Match(String context, String extension) {
    }

    private record Context(Map<String, Extension> extensions, List<String> includes) {
    }

    /** One extension's priorities and labels, built while parsing. */
    private static final class Extension {
        private final TreeMap<Integer, DialplanStep> steps = new TreeMap<>();
        private final Map<String, Integer> labels = new HashMap<>();
        private String name;

        void add(String context, String extension, String definition) {
            name = extension;
            int comma = definition.indexOf(',');
            String priorityText = definition.substring(0, comma).trim();
            String application = definition.substring(comma + 1).trim();
            String label = null;
            int open = priorityText.indexOf('(');
            if (open >= 0) {
                label = priorityText.substring(open + 1, priorityText.indexOf(')'));
                priorityText = priorityText.substring(0, open);
            }
            int priority = "n".equals(priorityText) ? steps.lastKey() + 1 : Integer.parseInt(priorityText);
            int paren = application.indexOf('(');
            String app = paren < 0 ? application : application.substring(0, paren);
            String data = paren < 0 ? "" : application.substring(paren + 1, application.lastIndexOf(')'));
            steps.put(priority, new DialplanStep(context, extension, priority, label, app.trim(), data));
            if (label != null) {
                labels.put(label, priority);
            }
        }
    }
}
