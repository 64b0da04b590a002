package io.hotline.app;

import io.hotline.ops.config.InvalidSettingException;
import io.hotline.ops.config.Setting;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What {@code run} would stumble on that the settings' syntax does not show: a data directory that cannot be
 * created or written, and ports another process already listens on. {@code config} runs them all, so that it
 * rejects everything {@code run} would; {@code run} itself checks the data directory before it locks it and learns
 * of a taken port from the bind, whose error names it. Each failure names the setting. Stateless.
 */
final class StartupChecks {

    private StartupChecks() {
    }

    /** Every check, for {@code hotline config}. */
    static void all(HotlineConfiguration config) {
        dataDirectory(config.database().dataDir());
        portFree(Setting.HOTLINE_HTTP_PORT, config.web().bindAddress(), config.web().port());
        portFree(Setting.HOTLINE_AGI_PORT, config.agi().bindAddress(), config.agi().port());
        if (config.database().embedded()) {
            portFree(Setting.HOTLINE_EMBEDDED_DB_PORT, "127.0.0.1", config.database().embeddedPort());
        }
    }

    /** The data directory exists and is writable, or can be created. */
    static void dataDirectory(Path dataDir) {
        Path directory = dataDir.toAbsolutePath().normalize();
        if (Files.exists(directory)) {
            if (!Files.isDirectory(directory)) {
                throw invalid(Setting.HOTLINE_DATA_DIR, directory + " is not a directory");
            }
            if (!Files.isWritable(directory)) {
                throw invalid(Setting.HOTLINE_DATA_DIR, directory + " is not writable by this user");
            }
            return;
        }
        Path existing = directory.getParent();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing)) {
            throw invalid(Setting.HOTLINE_DATA_DIR, directory + " cannot be created: " + existing
                    + " is not a directory");
        }
        if (!Files.isWritable(existing)) {
            throw invalid(Setting.HOTLINE_DATA_DIR, directory + " cannot be created: " + existing
                    + " is not writable by this user");
        }
    }

    /** Nothing listens on {@code address:port} yet (0 picks a free port at start and always passes). */
    static void portFree(Setting setting, String address, int port) {
        if (port == 0) {
            return;
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(address), port));
        } catch (IOException e) {
            throw invalid(setting, address + ":" + port + " cannot be listened on (" + e.getMessage()
                    + "): another program, or a running Hotline, uses it");
        }
    }

    private static InvalidSettingException invalid(Setting setting, String problem) {
        return new InvalidSettingException(setting.key(), setting.key() + ": " + problem);
    }
}
