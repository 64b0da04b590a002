package io.hotline.app;

import io.hotline.routing.HotlineException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * Turns a failed command into one line on stderr and an exit code: Hotline's own exceptions already carry an
 * operator-readable message (setting, URL, cause), so the stack trace goes to the log at DEBUG only.
 */
final class FailureHandler implements CommandLine.IExecutionExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(FailureHandler.class);

    /** Exit code for a failure at run time (database unreachable, port taken). */
    static final int RUNTIME_FAILURE = 1;
    /** Exit code for invalid configuration, the same as picocli's for bad usage. */
    static final int BAD_CONFIGURATION = 2;

    @Override
    public int handleExecutionException(Exception failure, CommandLine commandLine,
                                        CommandLine.ParseResult parseResult) {
        LOG.debug("Command failed", failure);
        String message = failure instanceof HotlineException || failure instanceof IllegalArgumentException
                || failure instanceof java.io.UncheckedIOException
                ? failure.getMessage()
                : failure.getClass().getSimpleName() + ": " + failure.getMessage();
        commandLine.getErr().println("hotline: " + message);
        commandLine.getErr().flush();
        return failure instanceof io.hotline.ops.config.InvalidSettingException ? BAD_CONFIGURATION
                : RUNTIME_FAILURE;
    }
}
