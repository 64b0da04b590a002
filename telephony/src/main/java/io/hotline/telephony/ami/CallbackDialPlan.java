package io.hotline.telephony.ami;

import io.hotline.routing.engine.RoutingCommand;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the AMI {@code Originate} of a callback's seat leg carries, and what the shipped {@code [hotline-callback]}
 * context reads from it: the channel variables below. The customer's number ends up in a {@code Dial} string, so only
 * a plain number (digits, an optional leading {@code +}) is ever sent. Stateless.
 */
public final class CallbackDialPlan {
    /** The callback attempt's call id ({@code cb-<callback>-<attempt>}), passed back by {@code callbackresult}. */
    public static final String CALL = "HOTLINE_CALL";
    /** The seat rung first, passed back by {@code answered}. */
    public static final String SEAT = "HOTLINE_SEAT";
    /** The work order the conversation is on. */
    public static final String WORK_ORDER = "HOTLINE_WORKORDER";
    /** The callback's id. */
    public static final String CALLBACK_ID = "HOTLINE_CALLBACK_ID";
    /** The customer's number, dialled through the trunk once the seat answered. */
    public static final String NUMBER = "HOTLINE_CALLBACK_NUMBER";
    /** Which attempt at the customer this is (1, 2...). */
    public static final String ATTEMPT = "HOTLINE_CALLBACK_ATTEMPT";
    /** Every variable the originate sets on the seat's leg, for the dialplan to read. */
    public static final List<String> VARIABLES = List.of(CALL, SEAT, WORK_ORDER, CALLBACK_ID, NUMBER, ATTEMPT);
    private static final Pattern DIALABLE = Pattern.compile("\\+?[0-9]{2,31}");

    private CallbackDialPlan() {
    }

    /** Whether {@code number} may go into a Dial string: digits, with an optional leading {@code +}. */
    public static boolean dialable(String number) {
        return number != null && DIALABLE.matcher(number).matches();
    }

    /**
     * The seat leg's originate: ring {@code dial}'s seat for the ring timeout, named {@code channelId}; once answered
     * it runs {@code hotline-callback,s,1}. The seat's phone shows the customer's number as the caller.
     */
    static AmiOriginate originate(RoutingCommand.DialCallback dial, String channelId) {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put(CALL, dial.callId());
        variables.put(SEAT, dial.seatId());
        variables.put(WORK_ORDER, Long.toString(dial.workOrderId()));
        variables.put(CALLBACK_ID, Long.toString(dial.callbackId()));
        variables.put(NUMBER, dial.number());
        variables.put(ATTEMPT, Integer.toString(dial.attempt()));
        return new AmiOriginate(dial.dialString(), AmiCallControl.CALLBACK_CONTEXT, "s", channelId,
                "\"Callback WO" + dial.workOrderId() + "\" <" + dial.number() + ">", variables, dial.ringTimeout());
    }
}
