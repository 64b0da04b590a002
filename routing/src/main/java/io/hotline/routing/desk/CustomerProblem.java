package io.hotline.routing.desk;

/**
 * Who has the problem and about what, as known when the work order is opened.
 *
 * @param contactNumber the number that called (or to call back), or {@code null}
 * @param customerId    the recognised customer, or {@code null} while unknown
 * @param contractLevel the customer's contract level (decides the business hours its clocks count), or
 *                      {@code null} when unknown (counted 24x7)
 * @param productLine   the product line (chosen in the IVR or by the seat), or {@code null}
 */
public record CustomerProblem(String contactNumber, Long customerId, String contractLevel, String productLine) {

    /** Nothing known yet. */
    public static final CustomerProblem UNKNOWN = new CustomerProblem(null, null, null, null);
}
