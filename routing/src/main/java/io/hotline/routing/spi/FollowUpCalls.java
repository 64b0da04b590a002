package io.hotline.routing.spi;

import java.util.concurrent.CompletionStage;

/**
 * Places the follow-up call of a completed on-site job (docs/field-service.md, step 8): Hotline rings the
 * supervisor's own phone first and, once it is answered, dials the customer through the trunk, showing the
 * hotline's number, so the supervisor can ask how the visit went. The supervisor records the outcome on the
 * console by hand: the PBX reports nothing back. Telephony implements it over AMI ({@code Originate} of the
 * supervisor's phone into the shipped {@code [hotline-follow-up]} context); without AMI it refuses, saying so, and
 * never pretends.
 * <p>
 * Refused, with the reason, and nothing sent to the PBX, when:
 * <ul>
 *   <li>AMI is not connected;</li>
 *   <li>{@code supervisorPhone} is not the dial string of one endpoint ({@code PJSIP/1001}: a technology, a
 *       {@code /} and a resource, no options, no second target);</li>
 *   <li>{@code customerNumber} is not dialable: once spaces and dashes are removed ({@code +49 30-1234 07} becomes
 *       {@code +4930123407}), it must be digits with an optional leading {@code +}, 3 to 20
 *       characters in all;</li>
 *   <li>{@code workOrderId} is not a work order's id (not positive).</li>
 * </ul>
 * The answer reuses {@link CallMonitor.Result}: {@code accepted} means the PBX took the request and is ringing the
 * supervisor's phone (not that anybody answered); {@code reason} says why not.
 * <p>
 * Threading: callable on any thread; returns at once. The stage completes on the implementation's own thread once
 * the PBX accepted or refused the request.
 */
public interface FollowUpCalls {

    /**
     * Rings {@code supervisorPhone} (a dial string, e.g. {@code PJSIP/2001}) and, when it answers, calls
     * {@code customerNumber} (e.g. {@code +4930123407} or {@code 021 6123 4567}) for the follow-up of work order
     * {@code workOrderId}.
     *
     * @return whether the PBX took the request, and why not
     */
    CompletionStage<CallMonitor.Result> call(String supervisorPhone, String customerNumber, long workOrderId);
}
