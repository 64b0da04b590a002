package io.hotline.telephony.ami;

import io.hotline.routing.spi.CallMonitor;
import io.hotline.routing.spi.FollowUpCalls;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.regex.Pattern;
import org.asteriskjava.manager.action.OriginateAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link FollowUpCalls} over AMI: an {@code Originate} of the supervisor's phone into the shipped
 * {@code [hotline-follow-up]} context ({@code Context: hotline-follow-up}, {@code Exten: <customer number>},
 * {@code Priority: 1}), which, once the supervisor answers, sets the hotline's caller id and dials the customer
 * through the trunk ({@code docs/asterisk/extensions.conf}, docs/asterisk.md "Follow-up calls").
 * <ul>
 *   <li>The supervisor's phone shows the customer's number ({@code CallerID: "Follow-up WO42" <+4930123407>}):
 *       Asterisk sets it as the originated channel's caller id and connected line (recording 06).</li>
 *   <li>The customer's number is the extension, so it is normalised (spaces and dashes removed) and only a plain
 *       number (digits, an optional leading {@code +}, 3-20 characters) is ever sent: it ends up in a
 *       {@code Dial} string. Asterisk itself refuses an extension the context does not have
 *       ({@code Extension does not exist.}, {@code action_originate} in main/manager.c).</li>
 *   <li>{@code write = originate} is enough: no application runs from the Originate, so none of those Asterisk
 *       reserves to {@code system} is involved.</li>
 *   <li>Without a logged-in AMI connection it refuses, saying so: nothing pretends the supervisor's phone rings.</li>
 * </ul>
 * Thread-safe: the action goes out on the connection's own thread; the stage completes there.
 */
public final class AmiFollowUpCalls implements FollowUpCalls {
    /** The shipped dialplan context the answered supervisor's phone runs. */
    public static final String CONTEXT = "hotline-follow-up";
    /** The channel variable carrying the work order's id (the same name the callback's seat leg carries). */
    public static final String WORK_ORDER = CallbackDialPlan.WORK_ORDER;
    /** How long the supervisor's phone rings before Asterisk gives up. */
    public static final Duration RING_TIMEOUT = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(AmiFollowUpCalls.class);
    /** A dial string of one endpoint, e.g. {@code PJSIP/2001} (no options, no second target). */
    private static final Pattern ENDPOINT = Pattern.compile("[A-Za-z0-9]+/[A-Za-z0-9_.+@-]+");
    /** Digits with an optional leading {@code +}, 3 to 20 characters in all. */
    private static final Pattern DIALABLE = Pattern.compile("(?=.{3,20}$)\\+?[0-9]+");
    private static final Pattern SPACES_AND_DASHES = Pattern.compile("[\\s-]+");

    private volatile List<AmiConnection> connections = List.of();

    /** Starts sending follow-up calls over {@code serverConnections}. */
    public void attach(List<AmiConnection> serverConnections) {
        this.connections = List.copyOf(serverConnections);
    }

    @Override
    public CompletionStage<CallMonitor.Result> call(String supervisorPhone, String customerNumber, long workOrderId) {
        if (supervisorPhone == null || !ENDPOINT.matcher(supervisorPhone).matches()) {
            return refused("the supervisor has no phone to ring: " + supervisorPhone);
        }
        String number = normalised(customerNumber);
        if (number == null) {
            return refused("the customer's number is not dialable: " + customerNumber);
        }
        if (workOrderId <= 0) {
            return refused("no work order to follow up: " + workOrderId);
        }
        AmiConnection connection = connections.stream().filter(AmiConnection::isConnected).findFirst().orElse(null);
        if (connection == null) {
            LOG.warn("Follow-up of work order {} from {} refused: AMI is not connected", workOrderId, supervisorPhone);
            return refused("AMI is not connected: Hotline cannot ring " + supervisorPhone);
        }
        return connection.send(action(supervisorPhone, number, workOrderId)).handle((response, error) -> {
            if (error == null && "Success".equalsIgnoreCase(response.getResponse())) {
                LOG.info("Follow-up of work order {}: ringing {}, then the customer", workOrderId, supervisorPhone);
                return CallMonitor.Result.ok();
            }
            String why = error != null ? error.toString() : response.getMessage();
            LOG.warn("Follow-up of work order {} from {} refused by Asterisk: {}", workOrderId, supervisorPhone, why);
            return CallMonitor.Result.refused("Asterisk refused to ring " + supervisorPhone + ": " + why
                    + hint(why));
        });
    }

    /**
     * {@code number} without spaces and dashes when it is then dialable (digits, an optional leading {@code +},
     * 3-20 characters), else {@code null}.
     */
    public static String normalised(String number) {
        if (number == null) {
            return null;
        }
        String plain = SPACES_AND_DASHES.matcher(number).replaceAll("");
        return DIALABLE.matcher(plain).matches() ? plain : null;
    }

    /** What the operator can do about Asterisk's answer, when Hotline can tell. */
    private static String hint(String why) {
        return why != null && why.contains("Extension does not exist")
                ? " (is the [" + CONTEXT + "] context of docs/asterisk/extensions.conf in Asterisk's dialplan?)" : "";
    }

    private static CompletionStage<CallMonitor.Result> refused(String reason) {
        return CompletableFuture.completedFuture(CallMonitor.Result.refused(reason));
    }

    static OriginateAction action(String supervisorPhone, String number, long workOrderId) {
        OriginateAction action = new OriginateAction();
        action.setChannel(supervisorPhone);
        action.setContext(CONTEXT);
        action.setExten(number);
        action.setPriority(1);
        action.setCallerId("\"Follow-up WO" + workOrderId + "\" <" + number + ">");
        action.setVariables(Map.of(WORK_ORDER, Long.toString(workOrderId)));
        action.setTimeout(RING_TIMEOUT.toMillis());
        action.setAsync(Boolean.TRUE);
        return action;
    }
}
