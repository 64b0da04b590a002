package io.hotline.app;

import io.hotline.ops.config.Settings;
import io.hotline.persistence.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Whole Hotlines for the app's end-to-end tests: on a test class's database, with ephemeral HTTP and AGI ports and
 * a fresh data directory. Stateless.
 */
final class TestHotlines {
    private TestHotlines() {
    }

    /**
     * A whole Hotline on {@code db} with the routing file {@code routing} (written into {@code directory}), its calls
     * from {@code asteriskName}, its data under a fresh directory named after {@code owner}.
     */
    static Hotline start(TestDatabase db, Path directory, String routing, String asteriskName, String owner)
            throws Exception {
        Path file = Files.writeString(directory.resolve("routing.properties"), routing);
        return Hotline.start(HotlineConfiguration.from(Settings.of(Map.of(
                "HOTLINE_ROUTING_FILE", file.toString(),
                "HOTLINE_DB_URL", db.config().jdbcUrl(),
                "HOTLINE_HTTP_PORT", "0",
                "HOTLINE_AGI_PORT", "0",
                "HOTLINE_ASTERISK_NAME", asteriskName,
                "HOTLINE_DATA_DIR", TestDataDirectories.fresh(owner)))));
    }

    /**
     * The settings of a Hotline on {@code db} following Asterisk {@code pbx1} over AMI on loopback port
     * {@code amiPort}, its data under a fresh directory named after {@code owner}; modifiable, without a routing file.
     */
    static Map<String, String> amiSettings(TestDatabase db, int amiPort, String owner) {
        Map<String, String> values = new HashMap<>(Map.of(
                "HOTLINE_DB_URL", db.config().jdbcUrl(),
                "HOTLINE_HTTP_PORT", "0",
                "HOTLINE_AGI_PORT", "0",
                "HOTLINE_HEALTH_INTERVAL", "500ms",
                "HOTLINE_ASTERISK_NAME", "pbx1",
                "HOTLINE_AMI_HOST", "127.0.0.1:" + amiPort,
                "HOTLINE_AMI_USER", "cti",
                "HOTLINE_AMI_SECRET", "cti-secret",
                "HOTLINE_AMI_PING_INTERVAL", "1s"));
        values.put("HOTLINE_DATA_DIR", TestDataDirectories.fresh(owner));
        return values;
    }
}
