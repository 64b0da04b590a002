package io.hotline.app;

import io.hotline.app.simulate.Simulation;
import io.hotline.app.simulate.SimulationSettings;
import io.hotline.ops.config.AmiHost;
import io.hotline.ops.config.Setting;
import io.hotline.ops.config.Settings;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hotline simulate}: plays a PBX against a running Hotline ({@link Simulation}). Hotline's address comes from
 * the same settings {@code run} reads (HOTLINE_AGI_BIND_ADDRESS, HOTLINE_AGI_PORT, HOTLINE_AMI_HOST/USER/SECRET), or
 * from the options; nothing else of Hotline is read.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Play a simulated Asterisk against a running Hotline (./hotline run in another terminal): "
                + "callers over FastAGI through docs/asterisk/extensions.conf, AMI events, seat phones that log in "
                + "with *21, ring, answer, talk and wrap up, callers who wait, abandon and rate the service.",
                "Hotline follows the simulator's AMI when both terminals set HOTLINE_AMI_HOST (e.g. "
                        + "127.0.0.1:5039). See docs/simulate.md."})
final class SimulateCommand implements Callable<Integer> {

    @Option(names = "--duration", defaultValue = "60s", converter = DurationConverter.class,
            description = "How long new callers arrive (e.g. 60s, 5m). Default: ${DEFAULT-VALUE}.")
    private Duration duration;

    @Option(names = "--callers", defaultValue = "1000", description = "At most this many callers. Default: "
            + "${DEFAULT-VALUE}.")
    private int callers;

    @Option(names = "--rate", defaultValue = "12", description = "Mean arrivals per minute. Default: ${DEFAULT-VALUE}.")
    private double rate;

    @Option(names = "--seats", defaultValue = "1001-1005", split = ",",
            description = "Seat phones: endpoints or numbers, ranges allowed (1001-1005,PJSIP/2001). "
                    + "Default: ${DEFAULT-VALUE} (tier-1 seats of the demo organisation).")
    private List<String> seats;

    @Option(names = "--answer-delay", defaultValue = "3s", converter = DurationConverter.class,
            description = "Mean time a seat lets its phone ring. Default: ${DEFAULT-VALUE}.")
    private Duration answerDelay;

    @Option(names = "--talk", defaultValue = "20s", converter = DurationConverter.class,
            description = "Mean conversation length. Default: ${DEFAULT-VALUE}.")
    private Duration talk;

    @Option(names = "--patience", defaultValue = "30s", converter = DurationConverter.class,
            description = "Mean time a caller waits on hold before hanging up. Default: ${DEFAULT-VALUE}.")
    private Duration patience;

    @Option(names = "--wrap-up", defaultValue = "5s", converter = DurationConverter.class,
            description = "How long a seat wraps up before pressing *24 (ready). Default: ${DEFAULT-VALUE}.")
    private Duration wrapUp;

    @Option(names = "--survey-share", defaultValue = "0.7",
            description = "Share of served callers who rate the service (0-1). Default: ${DEFAULT-VALUE}.")
    private double surveyShare;

    @Option(names = "--drain", defaultValue = "30s", converter = DurationConverter.class,
            description = "After --duration, how long calls in progress may go on before they are hung up. "
                    + "Default: ${DEFAULT-VALUE}.")
    private Duration drain;

    @Option(names = "--dnis", defaultValue = "4008001234", description = "The number callers dial. "
            + "Default: ${DEFAULT-VALUE}.")
    private String dnis;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed. Default: ${DEFAULT-VALUE}.")
    private long seed;

    @Option(names = "--dialplan", description = "The extensions.conf to follow. Default: docs/asterisk/"
            + "extensions.conf of this checkout.")
    private Path dialplan;

    @Option(names = "--agi", description = "Hotline's FastAGI address (agi://host:port). Default: from "
            + "HOTLINE_AGI_BIND_ADDRESS and HOTLINE_AGI_PORT.")
    private String agi;

    @Option(names = "--ami", description = "Listen for Hotline's AMI login on host:port. Default: HOTLINE_AMI_HOST "
            + "(its first server); unset: no AMI.")
    private String ami;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Settings settings = Settings.load(System.getenv());
        SimulationSettings simulation;
        try {
            simulation = new SimulationSettings(agiUrl(settings), amiSettings(settings), dialplanFile(),
                    new SimulationSettings.Load(duration, callers, rate, drain, dnis, seed), endpoints(seats),
                    new SimulationSettings.People(answerDelay, talk, patience, wrapUp, surveyShare));
        } catch (IllegalArgumentException e) {
            // Bad options: exit 2 with the message, as for any usage error.
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                StandardCharsets.UTF_8);
        return new Simulation(simulation, out).run() ? 0 : FailureHandler.RUNTIME_FAILURE;
    }

    private String agiUrl(Settings settings) {
        if (agi != null) {
            if (!agi.matches("agi://[^/:]+(:[0-9]{1,5})?")) {
                throw new IllegalArgumentException("--agi must look like agi://127.0.0.1:4573, not '" + agi + "'");
            }
            return agi;
        }
        String host = settings.bindAddress(Setting.HOTLINE_AGI_BIND_ADDRESS);
        // Hotline listening on every address is reached on loopback.
        String reachable = host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
        return "agi://" + reachable + ":" + settings.port(Setting.HOTLINE_AGI_PORT);
    }

    private SimulationSettings.AmiSettings amiSettings(Settings settings) {
        Optional<String> hosts = ami != null ? Optional.of(ami) : settings.optional(Setting.HOTLINE_AMI_HOST);
        if (hosts.isEmpty()) {
            return null;
        }
        AmiHost first = AmiHost.parse(hosts.get(), "asterisk", settings.port(Setting.HOTLINE_AMI_PORT)).get(0);
        return new SimulationSettings.AmiSettings(first.host(), first.port(), settings.string(Setting.HOTLINE_AMI_USER),
                settings.optional(Setting.HOTLINE_AMI_SECRET).orElse(""));
    }

    private Path dialplanFile() {
        if (dialplan != null) {
            if (!Files.isRegularFile(dialplan)) {
                throw new IllegalArgumentException("--dialplan: no file " + dialplan.toAbsolutePath());
            }
            return dialplan;
        }
        Path shipped = Path.of("docs", "asterisk", "extensions.conf");
        List<Path> candidates = new ArrayList<>(List.of(shipped));
        try {
            // The jar is app/target/hotline.jar of the checkout: its docs are two directories up.
            Path jar = Path.of(SimulateCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            candidates.add(jar.getParent().resolve("../..").resolve(shipped).normalize());
        } catch (java.net.URISyntaxException | RuntimeException e) {
            // not run from a jar: the working directory's copy only
        }
        return candidates.stream().filter(Files::isRegularFile).findFirst().orElseThrow(() ->
                new IllegalArgumentException("cannot find docs/asterisk/extensions.conf: run from the checkout or "
                        + "give --dialplan"));
    }

    /** {@code 1001-1003,PJSIP/2001} as {@code PJSIP/1001, PJSIP/1002, PJSIP/1003, PJSIP/2001}. */
    static List<String> endpoints(List<String> specs) {
        List<String> endpoints = new ArrayList<>();
        for (String spec : specs) {
            String plain = spec.trim();
            if (plain.matches("[0-9]{1,9}-[0-9]{1,9}")) {
                int from = Integer.parseInt(plain.substring(0, plain.indexOf('-')));
                int to = Integer.parseInt(plain.substring(plain.indexOf('-') + 1));
                if (to < from || to - from >= 500) {
                    throw new IllegalArgumentException("--seats: range " + plain + " must go up, 500 seats at most");
                }
                for (int number = from; number <= to; number++) {
                    endpoints.add("PJSIP/" + number);
                }
            } else if (plain.matches("[A-Za-z]+/[A-Za-z0-9_.-]+")) {
                endpoints.add(plain);
            } else if (plain.matches("[A-Za-z0-9_.]+")) {
                endpoints.add("PJSIP/" + plain);
            } else {
                throw new IllegalArgumentException("--seats: '" + plain + "' is not an endpoint, number or range");
            }
        }
        return endpoints;
    }

    /** {@code 500ms}, {@code 30s}, {@code 10m}, {@code 2h}, or ISO-8601 ({@code PT30S}). */
    static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            String text = value.trim();
            try {
                if (text.matches("[0-9]{1,9}ms")) {
                    return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
                }
                if (text.matches("[0-9]{1,9}[smh]")) {
                    long amount = Long.parseLong(text.substring(0, text.length() - 1));
                    return switch (text.charAt(text.length() - 1)) {
                        case 's' -> Duration.ofSeconds(amount);
                        case 'm' -> Duration.ofMinutes(amount);
                        default -> Duration.ofHours(amount);
                    };
                }
                return Duration.parse(text);
            } catch (java.time.format.DateTimeParseException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a duration (e.g. 60s, 5m)");
            }
        }
    }
}
