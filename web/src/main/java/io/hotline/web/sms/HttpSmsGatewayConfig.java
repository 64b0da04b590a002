package io.hotline.web.sms;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * The HTTP SMS gateway's settings ({@code HOTLINE_SMS_GATEWAY_...}, docs/api.md "Outbound SMS"). Validated on
 * construction, naming the setting; {@code null} for an optional one means its default. {@link #toString()} leaves
 * the token and password out. Immutable; thread-safe.
 *
 * @param url         where each message is POSTed ({@code HOTLINE_SMS_GATEWAY_URL}): {@code http} or {@code https},
 *                    with a host and without user information (credentials go in the settings below)
 * @param token       sent as {@code Authorization: Bearer <token>} ({@code HOTLINE_SMS_GATEWAY_TOKEN}), or null
 * @param user        with {@code password}, sent as {@code Authorization: Basic} ({@code HOTLINE_SMS_GATEWAY_USER}),
 *                    or null; not together with a token
 * @param password    the basic password ({@code HOTLINE_SMS_GATEWAY_PASSWORD}), or null
 * @param template    the request body ({@code HOTLINE_SMS_GATEWAY_TEMPLATE}) with the variables {@code ${to}},
 *                    {@code ${text}} and {@code ${id}} (Hotline's id of the message), each replaced by its value
 *                    escaped for {@code contentType}; default {@value #DEFAULT_TEMPLATE}
 * @param contentType the body's media type ({@code HOTLINE_SMS_GATEWAY_CONTENT_TYPE}): JSON (escaped as a JSON
 *                    string's content), {@code application/x-www-form-urlencoded} (percent-encoded), XML (entities)
 *                    or anything else (the value as it is); default {@value #DEFAULT_CONTENT_TYPE}
 * @param timeout     the longest wait for the gateway's answer, connecting included; default 10 s, at most 2 min
 */
public record HttpSmsGatewayConfig(URI url, String token, String user, String password, String template,
        String contentType, Duration timeout) {

    /** The body sent when no template is set. */
    public static final String DEFAULT_TEMPLATE = "{\"to\":\"${to}\",\"text\":\"${text}\"}";
    /** The media type of the body when none is set. */
    public static final String DEFAULT_CONTENT_TYPE = "application/json";
    /** The wait for the gateway when none is set. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public HttpSmsGatewayConfig {
        Objects.requireNonNull(url, "HOTLINE_SMS_GATEWAY_URL");
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if ((!scheme.equals("http") && !scheme.equals("https")) || url.getHost() == null) {
            throw new IllegalArgumentException("HOTLINE_SMS_GATEWAY_URL must be an http or https URL with a host");
        }
        if (url.getRawUserInfo() != null) {
            throw new IllegalArgumentException("HOTLINE_SMS_GATEWAY_URL must not carry credentials; use"
                    + " HOTLINE_SMS_GATEWAY_TOKEN or HOTLINE_SMS_GATEWAY_USER and HOTLINE_SMS_GATEWAY_PASSWORD");
        }
        token = blankToNull(token);
        user = blankToNull(user);
        password = blankToNull(password);
        if (token != null && (user != null || password != null)) {
            throw new IllegalArgumentException("set HOTLINE_SMS_GATEWAY_TOKEN or HOTLINE_SMS_GATEWAY_USER and"
                    + " HOTLINE_SMS_GATEWAY_PASSWORD, not both");
        }
        if ((user == null) != (password == null)) {
            throw new IllegalArgumentException("HOTLINE_SMS_GATEWAY_USER and HOTLINE_SMS_GATEWAY_PASSWORD go together");
        }
        if (user != null && user.indexOf(':') >= 0) {
            throw new IllegalArgumentException("HOTLINE_SMS_GATEWAY_USER must not contain ':' (basic authentication)");
        }
        if (token != null && token.chars().anyMatch(c -> c <= ' ' || c > '~')) {
            throw new IllegalArgumentException("HOTLINE_SMS_GATEWAY_TOKEN must be printable ASCII without spaces");
        }
        template = template == null || template.isEmpty() ? DEFAULT_TEMPLATE : template;
        contentType = contentType == null || contentType.isBlank() ? DEFAULT_CONTENT_TYPE : contentType.strip();
        SmsTemplate.validate(template);
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        if (timeout.compareTo(Duration.ofMillis(1)) < 0 || timeout.compareTo(Duration.ofMinutes(2)) > 0) {
            throw new IllegalArgumentException("the SMS gateway's timeout must be 1 ms to 2 min: " + timeout);
        }
    }

    /** The gateway at {@code url} without credentials, with the default template, content type and timeout. */
    public static HttpSmsGatewayConfig of(URI url) {
        return new HttpSmsGatewayConfig(url, null, null, null, null, null, null);
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    /** The settings without the token and password. */
    @Override
    public String toString() {
        return "HttpSmsGatewayConfig[url=" + url + ", token=" + (token == null ? "none" : "(hidden)") + ", user="
                + user + ", password=" + (password == null ? "none" : "(hidden)") + ", contentType=" + contentType
                + ", template=" + template + ", timeout=" + timeout + "]";
    }
}
