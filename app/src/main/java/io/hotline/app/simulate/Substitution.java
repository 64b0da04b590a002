package io.hotline.app.simulate;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Asterisk's variable substitution in application data: {@code ${NAME}} (channel variable, then global),
 * {@code ${NAME:offset[:length]}}, the built-ins {@code EXTEN}, {@code CONTEXT}, {@code PRIORITY},
 * {@code UNIQUEID}, the functions {@code CALLERID(all|num|name|dnid)}, {@code CHANNEL(linkedid|name|uniqueid)}
 * and {@code URIENCODE(..)}, and {@code $[...]} expressions with {@code =} and {@code !=} on (quoted) strings.
 * Nested {@code ${}} are expanded inside out. Stateless apart from the globals it reads; thread-safe.
 */
final class Substitution {
    private final Map<String, String> globals;

    Substitution(Map<String, String> globals) {
        this.globals = globals;
    }

    /** {@code text} with every {@code ${..}} and {@code $[..]} replaced, as the PBX does before an application. */
    String expand(String text, SimulatedChannel channel) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            if (text.startsWith("${", i) || text.startsWith("$[", i)) {
                char open = text.charAt(i + 1);
                int close = matching(text, i + 1, open, open == '{' ? '}' : ']');
                String inner = expand(text.substring(i + 2, close), channel);
                if (open == '{') {
                    String value = lookup(inner, channel);
                    out.append(value == null ? "" : value);
                } else {
                    out.append(evaluate(inner));
                }
                i = close + 1;
            } else {
                out.append(text.charAt(i++));
            }
        }
        return out.toString();
    }

    private static int matching(String text, int open, char opening, char closing) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            if (text.charAt(i) == opening) {
                depth++;
            } else if (text.charAt(i) == closing && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("unbalanced " + opening + " in " + text);
    }

    /** The value of a variable or function expression (already expanded inside), or {@code null} when unset. */
    String lookup(String expression, SimulatedChannel channel) {
        int paren = expression.indexOf('(');
        if (paren > 0 && expression.endsWith(")")) {
            return function(expression.substring(0, paren), expression.substring(paren + 1, expression.length() - 1),
                    channel);
        }
        int colon = expression.indexOf(':');
        if (colon > 0) {
            String value = lookup(expression.substring(0, colon), channel);
            return value == null ? null : substring(value, expression.substring(colon + 1));
        }
        return switch (expression) {
            case "EXTEN" -> channel.exten();
            case "CONTEXT" -> channel.context();
            case "PRIORITY" -> Integer.toString(channel.priority());
            case "UNIQUEID" -> channel.uniqueId();
            default -> channel.variable(expression) != null ? channel.variable(expression) : globals.get(expression);
        };
    }

    private static String substring(String value, String range) {
        String[] parts = range.split(":");
        int offset = Integer.parseInt(parts[0]);
        int start = offset < 0 ? Math.max(0, value.length() + offset) : Math.min(offset, value.length());
        if (parts.length < 2) {
            return value.substring(start);
        }
        return value.substring(start, Math.min(value.length(), start + Integer.parseInt(parts[1])));
    }

    private static String function(String name, String argument, SimulatedChannel channel) {
        return switch (name) {
            case "CALLERID" -> switch (argument) {
                case "num" -> channel.callerNumber();
                case "name" -> channel.callerName();
                case "dnid" -> channel.dialledNumber();
                case "all" -> "\"" + channel.callerName() + "\" <" + channel.callerNumber() + ">";
                default -> throw new IllegalArgumentException("CALLERID(" + argument + ") is not simulated");
            };
            case "CHANNEL" -> switch (argument) {
                case "linkedid" -> channel.linkedId();
                case "uniqueid" -> channel.uniqueId();
                case "name" -> channel.name();
                default -> throw new IllegalArgumentException("CHANNEL(" + argument + ") is not simulated");
            };
            case "URIENCODE" -> uriEncode(argument);
            default -> throw new IllegalArgumentException(name + "() is not simulated");
        };
    }

    /** As Asterisk's ast_uri_encode with ast_uri_http: all but letters, digits and {@code -_.!~*'()}. */
    static String uriEncode(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (Character.isLetterOrDigit(c) && c < 128 || "-_.!~*'()".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append(URLEncoder.encode(String.valueOf(c), StandardCharsets.UTF_8).replace("+", "%20"));
            }
        }
        return out.toString();
    }

    /** {@code $[a = b]} or {@code $[a != b]}: 1 or 0; a bare value is returned as is. */
    private static String evaluate(String expression) {
        int notEqual = expression.indexOf("!=");
        int equal = expression.indexOf('=');
        if (notEqual >= 0) {
            return compare(expression.substring(0, notEqual), expression.substring(notEqual + 2)) ? "0" : "1";
        }
        if (equal >= 0) {
            return compare(expression.substring(0, equal), expression.substring(equal + 1)) ? "1" : "0";
        }
        return unquote(expression);
    }

    private static boolean compare(String left, String right) {
        return unquote(left).equals(unquote(right));
    }

    private static String unquote(String operand) {
        String trimmed = operand.trim();
        return trimmed.length() >= 2 && trimmed.startsWith("\"") && trimmed.endsWith("\"")
                ? trimmed.substring(1, trimmed.length() - 1) : trimmed;
    }
}
