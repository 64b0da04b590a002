/**
 * The field leg at work (issue 16): the service desk's field commands carried to their ports (the durable store,
 * the consoles' push, the SMS outbox), the SMS sender that sends what was stored, the gateway's delivery receipts,
 * the {@code sms} health component and SMS meters, the inbound SMS that becomes an engineer's check-in, the duty
 * manager's console backend and the follow-up call.
 * <p>
 * Threading: command hand-off runs on the {@code service-desk} thread and never blocks; database work and gateway
 * calls run on the named {@code sms-sender} and {@code field-io} threads; read models are immutable values
 * published through volatile fields.
 */
package io.hotline.app.field;
