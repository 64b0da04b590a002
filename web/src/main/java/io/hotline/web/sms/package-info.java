/**
 * The SMS leg of issue 16 on the web side (docs/field-service.md, "SMS"; the wire format in docs/api.md, "SMS
 * webhook"). Inbound: the gateway's webhook {@code POST /sms/inbound} ({@link io.hotline.web.sms.SmsWebhookRoutes}),
 * authenticated by an HMAC-SHA256 signature with a timestamp ({@link io.hotline.web.sms.WebhookSignature}), whose
 * form or JSON body becomes an {@link io.hotline.web.sms.InboundSms} handed to the port
 * {@link io.hotline.web.sms.SmsInbox} that {@code app} implements; the gateway's delivery receipts
 * {@code POST /sms/status} ({@link io.hotline.web.sms.SmsReceiptRoutes}, same signature) become
 * {@link io.hotline.web.sms.DeliveryReceipt}s handed to the port {@link io.hotline.web.sms.SmsReceipts}.
 * Outbound: the two {@link io.hotline.routing.spi.SmsGateway}s, {@link io.hotline.web.sms.FileSmsGateway} (one JSON
 * line per message) and {@link io.hotline.web.sms.HttpSmsGateway} (a POST per message to the operator's gateway,
 * from a template).
 * <p>
 * Threading: the webhook runs on the HTTP event loops and never blocks (the inbox answers with a stage). The
 * gateways block and are called on the {@code sms-sender} thread only; they are thread-safe anyway. No secret
 * (the webhook's key, the gateway's token or password) appears in a log line, a {@code toString()} or an error.
 */
package io.hotline.web.sms;
