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
import java.util.Set;

/**
 * Reads the body of {@code POST /sms/inbound}: {@code application/x-www-form-urlencoded} or {@code application/json}
 * (UTF-8) with {@code id}, {@code from}, {@code text} and an optional {@code sent_at} (ISO-8601 instant, or unix
 * seconds), into an {@link InboundSms}; and of {@code POST /sms/status}, the same way, with {@code id},
 * {@code status}, an optional {@code error} and {@code at}, into a {@link DeliveryReceipt}; or says what is wrong in
 * a sentence for the gateway's operator. Other fields are ignored; a field given twice is refused. Stateless;
 * thread-safe (the mapper is configured once).
 */
final class SmsWebhookBody {

    /** The longest message id kept (the stored column's width). */
    static final int MAX_ID = 128;
    /** The longest text kept (the stored column's width). */
    static final int MAX_TEXT = 2000;
    /** The longest error of a receipt kept (the stored column's width). */
    static final int MAX_ERROR = 1000;

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
    sealed interface Reading permits Read, ReceiptRead, Unsupported, Malformed {
    }

    /** A well-formed message. */
    record Read(InboundSms sms) implements Reading {
    }

    /** A well-formed delivery receipt. */
    record ReceiptRead(DeliveryReceipt receipt) implements Reading {
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
        Reading unsupported = unsupported(contentType);
        if (unsupported != null) {
            return unsupported;
        }
        if (body.length == 0) {
            return new Malformed("The body is empty; send id, from and text.");
        }
        Fields fields = fields(contentType, body, List.of("id", "from", "text", "sent_at"), Set.of("text"));
        return fields.problem() != null ? new Malformed(fields.problem()) : message(fields.values(), now, futureLeeway);
    }

    /**
     * Reads a delivery receipt's {@code body}, sent as {@code contentType}.
     *
     * @param now            Hotline's clock: the default {@code at}
     * @param futureLeeway   how far in the future an {@code at} may be (the gateway's clock may be ahead)
     */
    static Reading readReceipt(String contentType, byte[] body, Instant now, Duration futureLeeway) {
        Reading unsupported = unsupported(contentType);
        if (unsupported != null) {
            return unsupported;
        }
        if (body.length == 0) {
            return new Malformed("The body is empty; send id and status.");
        }
        Fields fields = fields(contentType, body, List.of("id", "status", "error", "at"), Set.of("status", "error"));
        return fields.problem() != null ? new Malformed(fields.problem()) : receipt(fields.values(), now, futureLeeway);
    }

    private static Fields fields(String contentType, byte[] body, List<String> names, Set<String> textOnly) {
        return contentType.split(";")[0].strip().toLowerCase(Locale.ROOT).equals(JSON) ? json(body, names, textOnly)
                : form(body, names);
    }

    /** Why the webhook does not read {@code contentType} (415), or null when it is JSON or form in UTF-8. */
    private static Reading unsupported(String contentType) {
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
        return null;
    }

    /** The body's fields as text (absent: missing or null), or what is wrong with it. */
    private record Fields(Map<String, String> values, String problem) {
        static Fields problem(String problem) {
            return new Fields(Map.of(), problem);
        }
    }

    private static Fields json(byte[] body, List<String> names, Set<String> textOnly) {
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
        for (String field : names) {
            JsonNode value = root.get(field);
            if (value == null || value.isNull()) {
                continue;
            }
            if (value.isTextual()) {
                values.put(field, value.textValue());
            } else if (value.isIntegralNumber() && !textOnly.contains(field)) {
                values.put(field, value.bigIntegerValue().toString());
            } else {
                return Fields.problem("'" + field + "' must be a string"
                        + (textOnly.contains(field) ? "" : " or an integer") + ".");
            }
        }
        return new Fields(values, null);
    }

    private static Fields form(byte[] body, List<String> names) {
        Map<String, List<String>> parameters;
        try {
            // A ';' is part of a value, as in HTML forms (RFC 1866's ';' separator is not used by gateways).
            parameters = new QueryStringDecoder(new String(body, StandardCharsets.UTF_8), StandardCharsets.UTF_8,
                    false, MAX_FORM_FIELDS, true).parameters();
        } catch (IllegalArgumentException e) {
            return Fields.problem("The body is not form-encoded (a malformed %-escape).");
        }
        Map<String, String> values = new HashMap<>();
        for (String field : names) {
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
        if (!isId(id)) {
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
        if (fields.get("sent_at") == null) {
            return new Read(new InboundSms(id, phone.get(), text, now));
        }
        Optional<Instant> sentAt = instant(fields.get("sent_at").strip());
        String problem = timeProblem("sent_at", sentAt, now, futureLeeway);
        return problem != null ? new Malformed(problem) : new Read(new InboundSms(id, phone.get(), text,
                sentAt.orElseThrow()));
    }

    private static Reading receipt(Map<String, String> fields, Instant now, Duration futureLeeway) {
        String id = fields.get("id");
        String status = fields.get("status");
        if (id == null || status == null) {
            return new Malformed("The body needs id and status; missing: " + (id == null ? "id" : "status")
                    + (id == null && status == null ? ", status" : "") + ".");
        }
        if (!isId(id)) {
            return new Malformed("'id' must be 1 to " + MAX_ID + " characters without control characters.");
        }
        String outcome = status.strip().toLowerCase(Locale.ROOT);
        if (!DeliveryReceipt.STATUSES.contains(outcome)) {
            return new Malformed("'status' must be one of " + String.join(", ", DeliveryReceipt.STATUSES) + ".");
        }
        String error = fields.get("error");
        if (error != null && (error.length() > MAX_ERROR || !isStorable(error))) {
            return new Malformed("'error' must be at most " + MAX_ERROR + " characters of valid Unicode text.");
        }
        if (fields.get("at") == null) {
            return new ReceiptRead(new DeliveryReceipt(id, outcome, error, now));
        }
        Optional<Instant> at = instant(fields.get("at").strip());
        String problem = timeProblem("at", at, now, futureLeeway);
        return problem != null ? new Malformed(problem) : new ReceiptRead(new DeliveryReceipt(id, outcome, error,
                at.orElseThrow()));
    }

    private static boolean isId(String id) {
        return !id.isBlank() && id.length() <= MAX_ID && id.chars().noneMatch(Character::isISOControl);
    }

    /** What is wrong with the time given as {@code field}, or null when it is a time not too far ahead. */
    private static String timeProblem(String field, Optional<Instant> parsed, Instant now, Duration futureLeeway) {
        if (parsed.isEmpty()) {
            return "'" + field + "' is neither an ISO-8601 instant (2026-12-07T09:15:02Z) nor unix seconds.";
        }
        if (parsed.get().isAfter(now.plus(futureLeeway))) {
            return "'" + field + "' is " + Duration.between(now, parsed.get()).toSeconds()
                    + " s in the future by Hotline's clock.";
        }
        return null;
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
