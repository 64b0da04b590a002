package io.hotline.ops.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.InvalidPathException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses and validates raw setting values. Each method returns the typed value or throws an
 * {@link InvalidSettingException} whose message reads {@code KEY='value' is not ... (expected)}, with the value
 * masked by {@link #shown(Setting, String)}. Stateless; no DNS lookups.
 */
final class SettingValues {

    /** How a secret value appears in messages and listings. */
    static final String MASK = "******";

    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d{1,12})(ms|s|m|h|d)");
    private static final Pattern IPV4 =
            Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6_CHARACTERS = Pattern.compile("[0-9A-Fa-f:.]+");
    // Any parameter whose name holds one of these words: password1..3 (multi-factor), the key stores' passwords...
    private static final Pattern URL_PASSWORD_PARAMETER =
            Pattern.compile("(?i)([?&;(][^=&;?()]*(?:password|passwd|pwd|secret|token|key)[^=&;?()]*=)[^&;)]*");
    private static final Pattern URL_USER_INFO_PASSWORD = Pattern.compile("(//[^/:@]*:)[^/@]*@");
    private static final Set<String> LOG_LEVELS = Set.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR");
    private static final Set<String> CONTRACT_LEVELS = Set.of("BASIC", "STANDARD", "PREMIUM");

    private SettingValues() {
    }

    static String nonBlank(Setting setting, String value) {
        if (value.isBlank()) {
            throw invalid(setting, value, "must not be blank");
        }
        return value;
    }

    /** A non-blank value of at most {@code maxLength} characters (a database column holds it). */
    static String nonBlankUpTo(Setting setting, String value, int maxLength) {
        nonBlank(setting, value);
        if (value.length() > maxLength) {
            throw invalid(setting, value, "is " + value.length() + " characters long; at most " + maxLength);
        }
        return value;
    }

    /** One of {@code allowed}, exactly. */
    static String oneOf(Setting setting, String value, String... allowed) {
        for (String candidate : allowed) {
            if (candidate.equals(value.strip())) {
                return candidate;
            }
        }
        throw invalid(setting, value, "must be one of " + String.join(", ", allowed));
    }

    /** An absolute http or https URL. */
    static URI httpUrl(Setting setting, String value) {
        try {
            URI uri = new URI(value.strip());
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw invalid(setting, value, "is not an http:// or https:// URL with a host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw invalid(setting, value, "is not a URL (" + e.getReason() + ")");
        }
    }

    static Path path(Setting setting, String value) {
        nonBlank(setting, value);
        try {
            return Path.of(value.strip());
        } catch (InvalidPathException e) {
            throw invalid(setting, value, "is not a valid path (" + e.getReason() + ")");
        }
    }

    static String jdbcUrl(Setting setting, String value) {
        String url = value.strip();
        if (!url.startsWith("jdbc:mysql:") && !url.startsWith("jdbc:mariadb:")) {
            throw invalid(setting, value, "is not a MySQL or MariaDB JDBC URL (jdbc:mysql://host:3306/hotline or "
                    + "jdbc:mariadb://host:3306/hotline)");
        }
        return url;
    }

    static int port(Setting setting, String value) {
        Integer port = parseInt(value);
        if (port == null || port < 0 || port > 65_535) {
            throw invalid(setting, value, "is not a port number (0-65535)");
        }
        return port;
    }

    static int intInRange(Setting setting, String value, int min, int max) {
        Integer number = parseInt(value);
        if (number == null || number < min || number > max) {
            throw invalid(setting, value, "is not a whole number from " + min + " to " + max);
        }
        return number;
    }

    static boolean bool(Setting setting, String value) {
        switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true":
            case "yes":
            case "1":
                return true;
            case "false":
            case "no":
            case "0":
                return false;
            default:
                throw invalid(setting, value, "is not a boolean (true/false, yes/no or 1/0)");
        }
    }

    static Duration duration(Setting setting, String value) {
        Duration duration = parseDuration(value.strip());
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw invalid(setting, value, "is not a positive duration (e.g. 500ms, 30s, 10m, 4h, 2d or PT30M)");
        }
        return duration;
    }

    static Duration durationInRange(Setting setting, String value, Duration min, Duration max) {
        Duration duration = duration(setting, value);
        if (duration.compareTo(min) < 0 || duration.compareTo(max) > 0) {
            throw invalid(setting, value, "is not a duration from " + humanize(min) + " to " + humanize(max));
        }
        return duration;
    }

    static String bindAddress(Setting setting, String value) {
        String address = value.strip();
        if (address.startsWith("[") && address.endsWith("]")) {
            address = address.substring(1, address.length() - 1);
        }
        if (address.equalsIgnoreCase("localhost") || IPV4.matcher(address).matches() || isIpv6Literal(address)) {
            return address;
        }
        throw invalid(setting, value, "is not a literal IPv4 or IPv6 address or localhost (e.g. 127.0.0.1, "
                + "0.0.0.0, ::1)");
    }

    /**
     * A comma-separated list of CIDR blocks ({@code 127.0.0.0/8,::1/128}); an address without a prefix length is
     * a block of one. Literal addresses only, never resolved.
     */
    static String addressBlocks(Setting setting, String value) {
        for (String entry : value.split(",", -1)) {
            String block = entry.strip();
            int slash = block.indexOf('/');
            String address = slash < 0 ? block : block.substring(0, slash);
            boolean ipv4 = IPV4.matcher(address).matches();
            if (!ipv4 && !isIpv6Literal(address)) {
                throw invalid(setting, value, "has '" + block + "', which is not an IPv4 or IPv6 address or CIDR "
                        + "block (e.g. 127.0.0.0/8,::1/128 or 10.0.0.5)");
            }
            if (slash >= 0) {
                int bits = ipv4 || isIpv4Mapped(address) ? 32 : 128;
                Integer prefix = block.length() - slash - 1 > 3 ? null : parseInt(block.substring(slash + 1));
                if (prefix == null || prefix < 0 || prefix > bits || !Character.isDigit(block.charAt(slash + 1))) {
                    throw invalid(setting, value, "has '" + block + "', whose prefix length is not 0-" + bits);
                }
            }
        }
        return value.strip();
    }

    /** A comma-separated list of contract levels, each BASIC, STANDARD or PREMIUM, none twice. */
    static String contractLevels(Setting setting, String value) {
        Set<String> seen = new LinkedHashSet<>();
        for (String entry : value.split(",", -1)) {
            String level = entry.strip().toUpperCase(Locale.ROOT);
            if (!CONTRACT_LEVELS.contains(level)) {
                throw invalid(setting, value, "has '" + entry.strip() + "', which is not a contract level (BASIC,"
                        + " STANDARD or PREMIUM)");
            }
            if (!seen.add(level)) {
                throw invalid(setting, value, "names " + level + " twice");
            }
        }
        return String.join(",", seen);
    }

    static String amiHosts(Setting setting, String value) {
        nonBlank(setting, value);
        try {
            AmiHost.parse(value, "asterisk", 5038);
        } catch (IllegalArgumentException e) {
            throw invalid(setting, value, "is not a valid server list: " + e.getMessage()
                    + " (e.g. 10.0.0.5, 10.0.0.5:5038 or pbx1=10.0.0.5,pbx2=10.0.0.6:5039)");
        }
        return value.strip();
    }

    static String logLevel(Setting setting, String value) {
        String level = value.strip().toUpperCase(Locale.ROOT);
        if (!LOG_LEVELS.contains(level)) {
            throw invalid(setting, value, "is not a log level (TRACE, DEBUG, INFO, WARN or ERROR)");
        }
        return level;
    }

    /** {@code value} as it may appear in logs and messages: secrets masked, passwords cut out of JDBC URLs. */
    static String shown(Setting setting, String value) {
        if (value == null) {
            return "<unset>";
        }
        if (setting.isSecret()) {
            return value.isEmpty() ? "" : MASK;
        }
        if (setting == Setting.HOTLINE_DB_URL) {
            String withoutParameters = URL_PASSWORD_PARAMETER.matcher(value).replaceAll("$1" + MASK);
            return URL_USER_INFO_PASSWORD.matcher(withoutParameters).replaceAll("$1" + MASK + "@");
        }
        return value;
    }

    /** The failure {@code KEY='value' problem}, with the value shown safely. */
    static InvalidSettingException invalid(Setting setting, String value, String problem) {
        return new InvalidSettingException(setting.key(),
                setting.key() + "='" + shown(setting, value) + "' " + problem);
    }

    private static Integer parseInt(String value) {
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * A duration written {@code 500ms}, {@code 30s}, {@code 10m}, {@code 4h}, {@code 2d} or ISO-8601, possibly
     * zero or negative (ISO-8601); {@code null} when it is none of these. Shared with the routing file.
     */
    static Duration parseDuration(String value) {
        Matcher matcher = SHORT_DURATION.matcher(value);
        try {
            if (matcher.matches()) {
                long amount = Long.parseLong(matcher.group(1));
                switch (matcher.group(2)) {
                    case "ms":
                        return Duration.ofMillis(amount);
                    case "s":
                        return Duration.ofSeconds(amount);
                    case "m":
                        return Duration.ofMinutes(amount);
                    case "h":
                        return Duration.ofHours(amount);
                    default:
                        return Duration.ofDays(amount);
                }
            }
            if (value.regionMatches(true, 0, "P", 0, 1)) {
                return Duration.parse(value);
            }
            return null;
        } catch (DateTimeParseException | ArithmeticException e) {
            return null;
        }
    }

    /**
     * Whether {@code address} is an IPv6 literal. Only strings made of hex digits, colons and dots (with at least
     * one colon) reach {@link java.net.InetAddress#getByName}, which parses such strings as literals and never
     * asks DNS.
     */
    private static boolean isIpv6Literal(String address) {
        if (!address.contains(":") || !IPV6_CHARACTERS.matcher(address).matches()) {
            return false;
        }
        try {
            // May answer an Inet4Address for an IPv4-mapped literal such as ::ffff:10.0.0.1; either is fine.
            return InetAddress.getByName(address) != null;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Whether an IPv6 literal is IPv4-mapped ({@code ::ffff:10.0.0.1}): Java reads it as the IPv4 address. */
    private static boolean isIpv4Mapped(String address) {
        try {
            return InetAddress.getByName(address).getAddress().length == 4;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** A duration in the short syntax the settings accept, e.g. {@code 60s}. */
    static String humanize(Duration duration) {
        if (duration.toMillis() % 1000 != 0) {
            return duration.toMillis() + "ms";
        }
        long seconds = duration.toSeconds();
        if (seconds % 3600 == 0) {
            return seconds / 3600 + "h";
        }
        if (seconds % 60 == 0) {
            return seconds / 60 + "m";
        }
        return seconds + "s";
    }
}
