package io.hotline.web.sms;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hotline.routing.field.PhoneNumbers;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the body of {@code POST /sms/inbound}: {@code application/x-www-form-urlencoded} or {@code application/json}
 * (UTF-8) with {@code id}, {@code from}, {@code text} and an optional {@code sent_at} (ISO-8601 instant, or unix
 * seconds), into an {@link InboundSms}, or says what is wrong in a sentence for the gateway's operator. Other
 * fields are ignored; a field given twice is refused. Stateless; thread-safe (the mapper is configured once).
 */
final class SmsWebhookBody {

    /** The longest message id kept (the stored column's width). */
    static final int MAX_ID = 128;
    /** The longest text kept (the stored column's width). */
    static final int MAX_TEXT = 2000;

    /** The most form fields read (the webhook needs four; more are ignored). */
    private static final int MAX_FORM_FIELDS = 64;
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String JSON = "application/json";
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private SmsWebhookBody() {
    }

    /** What a body held: a message, a media type the webhook does not read (415), or a malformed body (400). */
    sealed interface Reading permits Read, Unsupported, Malformed {
    }

    /** A well-formed message. */
    record Read(InboundSms sms) implements Reading {
    }

    /** A media type other than form or JSON in UTF-8. */
    record Unsupported(String message) implements Reading {
    }

    /** Not the webhook's body; {@code message} says what is wrong. */
    record Malformed(String message) implements Reading {
    }

    /**
     * Reads {@code body}, sent as {@code contentType}.
     *
     * @param now            Hotline's clock: the default {@code sent_at}
     * @param futureLeeway   how far in the future a {@code sent_at} may be (the gateway's clock may be ahead)
     */
    static Reading read(String contentType, byte[] body, Instant now, Duration futureLeeway) {
        if (contentType == null || contentType.isBlank()) {
            return new Unsupported("The Content-Type header is missing; send " + JSON + " or " + FORM + ".");
        }
        String[] parts = contentType.split(";");
        String mediaType = parts[0].strip().toLowerCase(Locale.ROOT);
        if (!mediaType.equals(JSON) && !mediaType.equals(FORM)) {
            return new Unsupported("The webhook reads " + JSON + " or " + FORM + ", not " + abbreviate(mediaType)
                    + ".");
        }
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip().toLowerCase(Locale.ROOT);
            String charset = parameter.startsWith("charset=") ? parameter.substring("charset=".length())
                    .replace("\"", "").strip() : null;
            if (charset != null && !charset.equals("utf-8") && !charset.equals("utf8")) {
                return new Unsupported("The webhook reads UTF-8 only, not " + abbreviate(parameter) + ".");
            }
        }
        if (body.length == 0) {
            return new Malformed("The body is empty; send id, from and text.");
        }
        Fields fields = mediaType.equals(JSON) ? json(body) : form(body);
        return fields.problem() != null ? new Malformed(fields.problem()) : message(fields.values(), now, futureLeeway);
    }

    /** The body's fields as text (absent: missing or null), or what is wrong with it. */
    private record Fields(Map<String, String> values, String problem) {
        static Fields problem(String problem) {
            return new Fields(Map.of(), problem);
        }
    }

    private static Fields json(byte[] body) {
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (IOException e) {
            // Jackson's parse errors (and a key given twice) are IOExceptions; their text would echo the input.
            return Fields.problem("The body is not valid JSON (or gives a field twice).");
        }
        if (root == null || !root.isObject()) {
            return Fields.problem("The body is not a JSON object; send {\"id\":...,\"from\":...,\"text\":...}.");
        }
        Map<String, String> values = new HashMap<>();
        for (String field : List.of("id", "from", "text", "sent_at")) {
            JsonNode value = root.get(field);
            if (value == null || value.isNull()) {
                continue;
            }
            if (value.isTextual()) {
                values.put(field, value.textValue());
            } else if (value.isIntegralNumber() && !field.equals("text")) {
                values.put(field, value.bigIntegerValue().toString());
            } else {
                return Fields.problem("'" + field + "' must be a string"
                        + (field.equals("text") ? "" : " or an integer") + ".");
            }
        }
        return new Fields(values, null);
    }

    private static Fields form(byte[] body) {
        Map<String, List<String>> parameters;
        try {
            // A ';' is part of a value, as in HTML forms (RFC 1866's ';' separator is not used by gateways).
            parameters = new QueryStringDecoder(new String(body, StandardCharsets.UTF_8), StandardCharsets.UTF_8,
                    false, MAX_FORM_FIELDS, true).parameters();
        } catch (IllegalArgumentException e) {
            return Fields.problem("The body is not form-encoded (a malformed %-escape).");
        }
        Map<String, String> values = new HashMap<>();
        for (String field : List.of("id", "from", "text", "sent_at")) {
            List<String> given = parameters.get(field);
            if (given == null || given.isEmpty()) {
                continue;
            }
            if (given.size() > 1) {
                return Fields.problem("'" + field + "' is given more than once.");
            }
            values.put(field, given.get(0));
        }
        return new Fields(values, null);
    }

    private static Reading message(Map<String, String> fields, Instant now, Duration futureLeeway) {
        String id = fields.get("id");
        String from = fields.get("from");
        String text = fields.get("text");
        if (id == null || from == null || text == null) {
            return new Malformed("The body needs id, from and text; missing: " + missing(fields) + ".");
        }
        if (id.isBlank() || id.length() > MAX_ID || id.chars().anyMatch(Character::isISOControl)) {
            return new Malformed("'id' must be 1 to " + MAX_ID + " characters without control characters.");
        }
        Optional<String> phone = PhoneNumbers.tryNormalise(from);
        if (phone.isEmpty()) {
            return new Malformed("'from' is not a phone number (" + PhoneNumbers.MIN_DIGITS + " to "
                    + PhoneNumbers.MAX_DIGITS + " digits, an optional leading +, spaces or dashes between).");
        }
        if (text.length() > MAX_TEXT) {
            return new Malformed("'text' is longer than " + MAX_TEXT + " characters.");
        }
        if (!isStorable(text)) {
            return new Malformed("'text' is not valid Unicode text (a NUL or a lone surrogate).");
        }
        Instant sentAt = now;
        if (fields.get("sent_at") != null) {
            Optional<Instant> parsed = instant(fields.get("sent_at").strip());
            if (parsed.isEmpty()) {
                return new Malformed("'sent_at' is neither an ISO-8601 instant (2026-12-07T09:15:02Z) nor unix"
                        + " seconds.");
            }
            if (parsed.get().isAfter(now.plus(futureLeeway))) {
                return new Malformed("'sent_at' is " + Duration.between(now, parsed.get()).toSeconds()
                        + " s in the future by Hotline's clock.");
            }
            sentAt = parsed.get();
        }
        return new Read(new InboundSms(id, phone.get(), text, sentAt));
    }

    private static String missing(Map<String, String> fields) {
        StringBuilder missing = new StringBuilder();
        for (String field : List.of("id", "from", "text")) {
            if (fields.get(field) == null) {
                missing.append(missing.length() == 0 ? "" : ", ").append(field);
            }
        }
        return missing.toString();
    }

    private static Optional<Instant> instant(String value) {
        if (!value.isEmpty() && value.length() <= 12 && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.of(Instant.ofEpochSecond(Long.parseLong(value)));
        }
        if (value.length() > 64) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** No NUL and no lone surrogate: text the database can store as it is. */
    private static boolean isStorable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return false;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static String abbreviate(String value) {
        String printable = value.replaceAll("[^\\x20-\\x7e]", "?");
        return printable.length() <= 60 ? printable : printable.substring(0, 60) + "...";
    }
}
