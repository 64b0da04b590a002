/**
 * The database side of a call's journey: recognising the caller, finding the seat behind a phone, the customer's
 * history for the screen-pop ({@link io.hotline.persistence.calls.JdbiCustomerHistory}), surveys and
 * callbacks, all on the call's work order. These implement routing's ports; every method blocks on I/O. What
 * routing decided and how the call ended reach the work order through the outbox
 * ({@link io.hotline.persistence.outbox.DurableRoutingJournal}), which never makes the routing thread wait.
 */
package io.hotline.persistence.calls;
