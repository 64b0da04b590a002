package io.hotline.persistence;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The connection properties Hotline relies on, added to whatever URL the operator gives.
 * <ul>
 *   <li>{@code connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true}: every DATETIME is UTC, whatever the
 *       server's or the JVM's zone;</li>
 *   <li>{@code rewriteBatchedStatements=true}: a Jdbi batch becomes one multi-row INSERT (10-20x faster);</li>
 *   <li>{@code jdbc:mariadb:} is rewritten to {@code jdbc:mysql:}: Hotline ships mysql-connector-j only.</li>
 * </ul>
 */
public final class JdbcUrls {
    private static final Map<String, String> REQUIRED = requiredProperties();
    // Any parameter whose name holds one of these words: password, password1..3 (multi-factor), pwd, secret...
    private static final Pattern SECRET_PARAMETER =
            Pattern.compile("(?i)([?&;][^=&;?]*(?:password|passwd|pwd|secret|token|key)[^=&;?]*)=[^&;]*");
    private static final Pattern URL = Pattern.compile("jdbc:[^\\s'\"]+");
    private static final Pattern USERINFO = Pattern.compile("//[^/@]*@");

    private JdbcUrls() {
    }

    private static Map<String, String> requiredProperties() {
        Map<String, String> required = new LinkedHashMap<>();
        required.put("connectionTimeZone", "UTC");
        required.put("forceConnectionTimeZoneToSession", "true");
        required.put("rewriteBatchedStatements", "true");
        required.put("characterEncoding", "UTF-8");
        return required;
    }

    /** {@code url} with Hotline's required properties added where the URL does not already set them. */
    public static String withRequiredProperties(String url) {
        String result = url.startsWith("jdbc:mariadb:") ? "jdbc:mysql:" + url.substring("jdbc:mariadb:".length())
                : url;
        String lower = result.toLowerCase(Locale.ROOT);
        StringBuilder builder = new StringBuilder(result);
        boolean hasQuery = result.indexOf('?') >= 0;
        for (Map.Entry<String, String> property : REQUIRED.entrySet()) {
            String name = property.getKey().toLowerCase(Locale.ROOT);
            if (lower.contains("?" + name + "=") || lower.contains("&" + name + "=")) {
                continue;
            }
            builder.append(hasQuery ? '&' : '?').append(property.getKey()).append('=').append(property.getValue());
            hasQuery = true;
        }
        return builder.toString();
    }

    /**
     * {@code text} (a driver's error message) with every JDBC URL in it replaced by {@code <url>}: health
     * reports state, never connection strings.
     */
    public static String withoutUrls(String text) {
        return URL.matcher(text).replaceAll("<url>");
    }

    /** {@code url} with any password in its query string or user-info replaced by {@code ******}, for logs. */
    public static String redact(String url) {
        String withoutQuerySecrets = SECRET_PARAMETER.matcher(url).replaceAll("$1=******");
        return USERINFO.matcher(withoutQuerySecrets).replaceAll("//******@");
    }
}
