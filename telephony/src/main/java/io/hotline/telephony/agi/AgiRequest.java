package io.hotline.telephony.agi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The environment block Asterisk sends first on a FastAGI connection: {@code agi_*} variables in order.
 * Immutable. {@code agi_network_script} holds the path and query of the AGI URL, e.g.
 * {@code route?dnis=100&trunk=carrier}; {@code agi_arg_N} the dialplan's extra arguments.
 *
 * @param environment every {@code agi_*} variable as sent, in order (values may be empty)
 */
public record AgiRequest(Map<String, String> environment) {

    public AgiRequest {
        environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
    }

    /** A variable's value, or {@code null} when Asterisk did not send it. */
    public String get(String key) {
        return environment.get(key);
    }

    /** The script path of the AGI URL without query, e.g. {@code route}; empty when absent. */
    public String script() {
        String script = environment.getOrDefault("agi_network_script", "");
        int query = script.indexOf('?');
        String path = query < 0 ? script : script.substring(0, query);
        return path.startsWith("/") ? path.substring(1) : path;
    }

    /**
     * The query parameters of the AGI URL, percent-decoded (RFC 3986: {@code %2B} is a {@code +}, and so is a
     * literal {@code +}, as Asterisk sends E.164 numbers); a repeated name keeps its first value.
     */
    public Map<String, String> parameters() {
        String script = environment.getOrDefault("agi_network_script", "");
        int query = script.indexOf('?');
        Map<String, String> parameters = new LinkedHashMap<>();
        if (query < 0) {
            return parameters;
        }
        for (String pair : script.substring(query + 1).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            parameters.putIfAbsent(name, value);
        }
        return parameters;
    }

    private static String decode(String text) {
        // Percent-decoding only: Asterisk leaves a number's '+' as it is, and form decoding made it a space.
        return PercentDecoding.decode(text);
    }

    /** The dialplan's arguments {@code agi_arg_1}, {@code agi_arg_2}... in order. */
    public List<String> arguments() {
        List<String> arguments = new ArrayList<>();
        for (int i = 1; environment.containsKey("agi_arg_" + i); i++) {
            arguments.add(environment.get("agi_arg_" + i));
        }
        return arguments;
    }

    /** The channel's uniqueid. */
    public String uniqueId() {
        return environment.get("agi_uniqueid");
    }

    /** The channel's name, e.g. {@code PJSIP/carrier-00000021}. */
    public String channel() {
        return environment.get("agi_channel");
    }

    /** The caller's number, or {@code null} when Asterisk says {@code unknown}. */
    public String callerId() {
        return known(environment.get("agi_callerid"));
    }

    /** The caller's name, or {@code null} when unknown. */
    public String callerIdName() {
        return known(environment.get("agi_calleridname"));
    }

    /** The dialled number (DNID), or {@code null} when unknown. */
    public String dialledNumber() {
        return known(environment.get("agi_dnid"));
    }

    private static String known(String value) {
        return value == null || value.isEmpty() || "unknown".equals(value) ? null : value;
    }
}
