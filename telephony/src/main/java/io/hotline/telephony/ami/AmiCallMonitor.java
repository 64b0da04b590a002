package io.hotline.telephony.ami;

import io.hotline.routing.spi.CallMonitor;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.regex.Pattern;
import org.asteriskjava.manager.action.OriginateAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link CallMonitor} over AMI: an {@code Originate} of the supervisor's phone straight into the {@code ChanSpy}
 * application ({@code Application: ChanSpy}, {@code Data: PJSIP/1001-,qw}), so that once the supervisor answers,
 * Asterisk joins the phone to the call of the seat's phone. No dialplan context is involved: the seat's endpoint is
 * Hotline's to know (the seat table), the options are the mode's, and nothing is left for the operator to keep in
 * step (manager.conf's {@code write = originate} is enough; ChanSpy is not among the applications Asterisk reserves
 * to {@code system}).
 * <ul>
 *   <li>Options: {@code q} listen (no beep to the spied-on seat), {@code qw} whisper (the seat hears the
 *       supervisor), {@code qB} barge (both sides do).</li>
 *   <li>ChanSpy's first argument is a channel-name prefix ({@code ast_channel_iterator_by_name_new(spec,
 *       strlen(spec))} in app_chanspy.c): {@code PJSIP/1001} alone would also spy on {@code PJSIP/10010-...}, so the
 *       prefix ends with the {@code -} that separates the endpoint from the channel's sequence number.</li>
 *   <li>Without a logged-in AMI connection it refuses, saying so: nothing pretends a supervisor is listening.</li>
 * </ul>
 * Thread-safe: the action goes out on the connection's own thread; the stage completes there.
 */
public final class AmiCallMonitor implements CallMonitor {
    /** How long the supervisor's phone rings before Asterisk gives up. */
    public static final Duration RING_TIMEOUT = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(AmiCallMonitor.class);
    /** A dial string of one endpoint, e.g. {@code PJSIP/1001} (no options, no second target). */
    private static final Pattern ENDPOINT = Pattern.compile("[A-Za-z0-9]+/[A-Za-z0-9_.+@-]+");

    /** What Asterisk 22's manager.c reserves to the system privilege when found in an originated application's data. */
    private static final List<String> RESERVED_IN_DATA = List.of("CURL", "DB", "EVAL", "FILE", "ODBC", "REALTIME",
            "SHELL");

    private volatile List<AmiConnection> connections = List.of();

    /** Starts sending monitoring requests over {@code serverConnections}. */
    public void attach(List<AmiConnection> serverConnections) {
        this.connections = List.copyOf(serverConnections);
    }

    @Override
    public CompletionStage<Result> monitor(String supervisorPhone, String seatEndpoint, Mode mode) {
        Objects.requireNonNull(mode, "mode");
        if (supervisorPhone == null || !ENDPOINT.matcher(supervisorPhone).matches()) {
            return CompletableFuture.completedFuture(Result.refused("the supervisor has no phone to ring: "
                    + supervisorPhone));
        }
        if (seatEndpoint == null || !ENDPOINT.matcher(seatEndpoint).matches()) {
            return CompletableFuture.completedFuture(Result.refused("the seat has no phone to join: " + seatEndpoint));
        }
        String reserved = reservedWord(seatEndpoint);
        if (reserved != null) {
            // Asterisk would answer "Originate Access Forbidden" (manager.c, originate_app_permissions): say why.
            return CompletableFuture.completedFuture(Result.refused("Asterisk lets only AMI users with the system"
                    + " privilege originate into an application whose data contains " + reserved + ", and the seat's"
                    + " endpoint " + seatEndpoint + " does: rename the endpoint, or monitor from the phone"));
        }
        AmiConnection connection = connections.stream().filter(AmiConnection::isConnected).findFirst().orElse(null);
        if (connection == null) {
            LOG.warn("Monitoring {} from {} refused: AMI is not connected", seatEndpoint, supervisorPhone);
            return CompletableFuture.completedFuture(Result.refused("AMI is not connected: Hotline cannot ring "
                    + supervisorPhone));
        }
        return connection.send(action(supervisorPhone, seatEndpoint, mode)).handle((response, error) -> {
            if (error == null && "Success".equalsIgnoreCase(response.getResponse())) {
                LOG.info("Monitoring: ringing {} to {} {}", supervisorPhone, mode.name().toLowerCase(), seatEndpoint);
                return Result.ok();
            }
            String why = error != null ? error.toString() : response.getMessage();
            LOG.warn("Monitoring {} from {} refused by Asterisk: {}", seatEndpoint, supervisorPhone, why);
            return Result.refused("Asterisk refused to ring " + supervisorPhone + ": " + why);
        });
    }

    /** ChanSpy's options for {@code mode}. */
    public static String options(Mode mode) {
        return switch (mode) {
            case LISTEN -> "q";
            case WHISPER -> "qw";
            case BARGE -> "qB";
        };
    }

    /**
     * The word of Asterisk's {@code originate_app_permissions} (main/manager.c: {@code appdata_match}, a
     * case-sensitive {@code strstr} over the application's data) that the endpoint contains, or {@code null}. Hotline's
     * least-privilege AMI user has no {@code system} privilege, so such an originate would be refused.
     */
    static String reservedWord(String seatEndpoint) {
        for (String word : RESERVED_IN_DATA) {
            if (seatEndpoint.contains(word)) {
                return word;
            }
        }
        return null;
    }

    static OriginateAction action(String supervisorPhone, String seatEndpoint, Mode mode) {
        OriginateAction action = new OriginateAction();
        action.setChannel(supervisorPhone);
        action.setApplication("ChanSpy");
        action.setData(seatEndpoint + "-," + options(mode));
        action.setCallerId("\"" + mode.name().toLowerCase() + " " + seatEndpoint + "\" <" + seatEndpoint
                .substring(seatEndpoint.indexOf('/') + 1) + ">");
        action.setTimeout(RING_TIMEOUT.toMillis());
        action.setAsync(Boolean.TRUE);
        return action;
    }
}
