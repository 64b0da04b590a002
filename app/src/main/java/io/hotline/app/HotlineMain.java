package io.hotline.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code hotline}: the command line. Each subcommand is its own class; this one only assembles them.
 * Exit codes: 0 success, 1 a runtime failure (database unreachable...), 2 bad usage or configuration.
 */
@Command(name = "hotline", mixinStandardHelpOptions = true, versionProvider = HotlineVersion.class,
        description = "Call-center CTI and routing backend for Asterisk: FastAGI, AMI, skill routing, "
                + "work orders, on-site dispatch.",
        subcommands = {RunCommand.class, SeedCommand.class, ImportCommand.class, MigrateCommand.class,
                ConfigCommand.class, SimulateCommand.class, UserCommand.class, ReportCommand.class,
                CommandLine.HelpCommand.class})
public final class HotlineMain implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Runs the command line and exits the JVM with its exit code. */
    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code (for tests and embedding). */
    public static int execute(String... args) {
        CommandLine commandLine = new CommandLine(new HotlineMain());
        commandLine.setExecutionExceptionHandler(new FailureHandler());
        return commandLine.execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: try 'hotline run'");
    }
}
