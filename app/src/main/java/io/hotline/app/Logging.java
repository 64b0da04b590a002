package io.hotline.app;

import ch.qos.logback.classic.Level;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/** Process-wide logging set-up: the root level from configuration, and java.util.logging routed to SLF4J. */
final class Logging {

    private Logging() {
    }

    /** Sets the root log level (already validated by the settings) and bridges JUL once. */
    static void configure(String level) {
        ch.qos.logback.classic.Logger root =
                (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(level, Level.INFO));
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
    }
}
