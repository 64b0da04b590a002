package io.hotline.web.sms;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The HTTP gateway's body template: {@code ${to}}, {@code ${text}} and {@code ${id}} replaced, in one pass, by their
 * values escaped for the body's media type, so that no value can break out of its place (a quote in a JSON string,
 * an {@code &} in a form) and a value that itself contains {@code ${...}} is not replaced again. Stateless;
 * thread-safe.
 */
final class SmsTemplate {

    private static final Set<String> VARIABLES = Set.of("to", "text", "id");

    private SmsTemplate() {
    }

    /**
     * Checks that every {@code ${...}} in {@code template} is a known variable.
     *
     * @throws IllegalArgumentException naming the setting and the unknown variable
     */
    static void validate(String template) {
        int at = template.indexOf("${");
        while (at >= 0) {
            int end = template.indexOf('}', at);
            String name = end < 0 ? template.substring(at) : template.substring(at + 2, end);
            if (end < 0 || !VARIABLES.contains(name)) {
                throw new IllegalArgumentException("HOTLINE_SMS_GATEWAY_TEMPLATE has an unknown variable '${" + name
                        + (end < 0 ? "" : "}") + "'; known: ${to}, ${text}, ${id}");
            }
            at = template.indexOf("${", end);
        }
    }

    /** {@code template} with each variable replaced by its value from {@code values}, escaped for the media type. */
    static String render(String template, String contentType, Map<String, String> values) {
        Escaping escaping = Escaping.of(contentType);
        StringBuilder body = new StringBuilder(template.length() + 64);
        int from = 0;
        int at = template.indexOf("${");
        while (at >= 0) {
            int end = template.indexOf('}', at);
            body.append(template, from, at);
            body.append(escaping.escape(values.get(template.substring(at + 2, end))));
            from = end + 1;
            at = template.indexOf("${", from);
        }
        return body.append(template, from, template.length()).toString();
    }

    /** How values are escaped for a media type. */
    enum Escaping {
        /** The content of a JSON string (RFC 8259): quotes, backslashes, controls, lone surrogates, U+2028/9. */
        JSON,
        /** {@code application/x-www-form-urlencoded}: UTF-8 percent-encoded. */
        FORM,
        /** XML character data or an attribute: the five entities, controls as character references. */
        XML,
        /** Anything else: the value as it is. */
        NONE;

        static Escaping of(String contentType) {
            String type = contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
            if (type.equals("application/json") || type.endsWith("+json")) {
                return JSON;
            }
            if (type.equals("application/x-www-form-urlencoded")) {
                return FORM;
            }
            return type.endsWith("/xml") || type.endsWith("+xml") ? XML : NONE;
        }

        String escape(String value) {
            return switch (this) {
                case JSON -> json(value);
                case FORM -> URLEncoder.encode(value, StandardCharsets.UTF_8);
                case XML -> xml(value);
                case NONE -> value;
            };
        }
    }

    private static String json(String value) {
        StringBuilder escaped = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> escaped.append("\\\"");
                case '\\' -> escaped.append("\\\\");
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                case '\t' -> escaped.append("\\t");
                default -> {
                    boolean pair = Character.isHighSurrogate(c) && i + 1 < value.length()
                            && Character.isLowSurrogate(value.charAt(i + 1));
                    if (pair) {
                        escaped.append(c).append(value.charAt(++i));
                    } else if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029' || Character.isSurrogate(c)) {
                        escaped.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }

    private static String xml(String value) {
        StringBuilder escaped = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&apos;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') {
                        // Not allowed in XML 1.0 at all, even as a reference: dropped.
                        continue;
                    }
                    escaped.append(c);
                }
            }
        }
        return escaped.toString();
    }
}
