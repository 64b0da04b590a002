package io.hotline.web.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A route path split into segments, some of which may be {@code {name}} parameters, e.g.
 * {@code /api/work-orders/{id}/escalate}. A parameter matches one whole non-empty segment. Immutable.
 */
final class PathTemplate {

    private static final Pattern PARAMETER = Pattern.compile("\\{[a-z][A-Za-z0-9]*}");

    /** The literal segments, with null where a parameter stands. */
    private final String[] literals;
    /** The parameter names, with null where a literal stands. */
    private final String[] names;
    /** The path with every parameter written {@code {}}: two templates with the same shape collide. */
    private final String shape;

    private PathTemplate(String[] literals, String[] names, String shape) {
        this.literals = literals;
        this.names = names;
        this.shape = shape;
    }

    /**
     * Parses a route path.
     *
     * @throws IllegalArgumentException if a segment holds a brace without being exactly one parameter, or a name
     *                                  appears twice
     */
    static PathTemplate parse(String path) {
        String[] segments = segments(path);
        String[] literals = new String[segments.length];
        String[] names = new String[segments.length];
        StringBuilder shape = new StringBuilder();
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            shape.append('/');
            if (PARAMETER.matcher(segment).matches()) {
                String name = segment.substring(1, segment.length() - 1);
                if (seen.contains(name)) {
                    throw new IllegalArgumentException("path parameter {" + name + "} twice in " + path);
                }
                seen.add(name);
                names[i] = name;
                shape.append("{}");
            } else if (segment.indexOf('{') >= 0 || segment.indexOf('}') >= 0) {
                throw new IllegalArgumentException("a path parameter must be a whole segment {camelCase}: " + path);
            } else {
                literals[i] = segment;
                shape.append(segment);
            }
        }
        return new PathTemplate(literals, names, shape.toString());
    }

    /** Whether the path has at least one parameter. */
    static boolean isTemplate(String path) {
        return path.indexOf('{') >= 0 || path.indexOf('}') >= 0;
    }

    /** The segments of a path that starts with {@code /}: {@code /a/b} is {@code [a, b]}, {@code /} is {@code []}. */
    static String[] segments(String path) {
        if (path.length() <= 1) {
            return new String[0];
        }
        int count = 1;
        for (int i = 1; i < path.length(); i++) {
            if (path.charAt(i) == '/') {
                count++;
            }
        }
        String[] segments = new String[count];
        int start = 1;
        for (int i = 0; i < count; i++) {
            int end = path.indexOf('/', start);
            if (end < 0) {
                end = path.length();
            }
            segments[i] = path.substring(start, end);
            start = end + 1;
        }
        return segments;
    }

    int segmentCount() {
        return literals.length;
    }

    String shape() {
        return shape;
    }

    /** Whether the segments of a request path match, every parameter standing for a non-empty segment. */
    boolean matches(String[] segments) {
        if (segments.length != literals.length) {
            return false;
        }
        for (int i = 0; i < segments.length; i++) {
            if (literals[i] == null ? segments[i].isEmpty() : !literals[i].equals(segments[i])) {
                return false;
            }
        }
        return true;
    }

    /** The parameter values of matching segments, by name, in path order. */
    Map<String, String> parameters(String[] segments) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            if (names[i] != null) {
                values.put(names[i], segments[i]);
            }
        }
        return Collections.unmodifiableMap(values);
    }

    /**
     * Orders templates of the same segment count from most to least specific: at the first segment where they
     * differ, a literal comes before a parameter ({@code /a/b/{x}} before {@code /a/{y}/c}).
     */
    static int bySpecificity(PathTemplate left, PathTemplate right) {
        for (int i = 0; i < Math.min(left.literals.length, right.literals.length); i++) {
            boolean leftLiteral = left.literals[i] != null;
            boolean rightLiteral = right.literals[i] != null;
            if (leftLiteral != rightLiteral) {
                return leftLiteral ? -1 : 1;
            }
        }
        return 0;
    }
}
