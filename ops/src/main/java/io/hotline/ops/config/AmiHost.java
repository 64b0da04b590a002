package io.hotline.ops.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Asterisk server Hotline follows over AMI, from {@link Setting#HOTLINE_AMI_HOST}: {@code host[:port]} for one
 * server (named by {@link Setting#HOTLINE_ASTERISK_NAME}), or a comma-separated list of {@code name=host[:port]}
 * for several, each with its own connection and its calls tagged with its name.
 *
 * @param name the server's name in Hotline (metrics, health, logs)
 * @param host host name or literal address
 * @param port AMI TCP port
 */
public record AmiHost(String name, String host, int port) {
    private static final Pattern ENTRY = Pattern.compile(
            "(?:([A-Za-z0-9][A-Za-z0-9_.-]{0,63})=)?(\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9][A-Za-z0-9_.-]*)(?::(\\d{1,5}))?");

    public AmiHost {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(host, "host");
    }

    /**
     * Parses the setting's value.
     *
     * @param value       the value, e.g. {@code 10.0.0.5} or {@code pbx1=10.0.0.5:5038,pbx2=10.0.0.6}
     * @param defaultName the name of a single unnamed server
     * @param defaultPort the port of an entry without one
     * @throws IllegalArgumentException naming the entry that is wrong
     */
    public static List<AmiHost> parse(String value, String defaultName, int defaultPort) {
        String[] entries = value.strip().split("\\s*,\\s*");
        List<AmiHost> hosts = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (String entry : entries) {
            Matcher matcher = ENTRY.matcher(entry);
            if (!matcher.matches()) {
                throw new IllegalArgumentException("'" + entry + "' is not host[:port] or name=host[:port]");
            }
            String name = matcher.group(1);
            if (name == null && entries.length > 1) {
                throw new IllegalArgumentException("'" + entry + "' needs a name (name=host[:port]) when several "
                        + "servers are listed");
            }
            name = name == null ? defaultName : name;
            if (!names.add(name)) {
                throw new IllegalArgumentException("server name '" + name + "' is listed twice");
            }
            int port = matcher.group(3) == null ? defaultPort : Integer.parseInt(matcher.group(3));
            if (port < 1 || port > 65_535) {
                throw new IllegalArgumentException("'" + entry + "' has port " + port + ", not 1-65535");
            }
            String host = matcher.group(2);
            hosts.add(new AmiHost(name, host.startsWith("[") ? host.substring(1, host.length() - 1) : host, port));
        }
        return List.copyOf(hosts);
    }
}
