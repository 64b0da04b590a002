package io.hotline.app;

import io.hotline.ops.config.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Loads settings from the environment and applies the logging ones; shared by every subcommand. */
final class LoadedSettings {
    private static final Logger LOG = LoggerFactory.getLogger(LoadedSettings.class);

    private LoadedSettings() {
    }

    /** The settings and the configuration built from them, validated; warnings logged. */
    static HotlineConfiguration load() {
        Settings settings = Settings.load(System.getenv());
        HotlineConfiguration config = HotlineConfiguration.from(settings);
        Logging.configure(config.logLevel());
        settings.warnings().forEach(warning -> LOG.warn("{}", warning));
        return config;
    }
}
