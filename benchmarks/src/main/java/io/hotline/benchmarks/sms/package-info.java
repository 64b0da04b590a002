/**
 * The SMS webhook's load generator: signed inbound messages posted to a running Hotline's {@code /sms/inbound}
 * (docs/api.md, "SMS webhook") by a few worker threads over HTTP/1.1 on loopback, timed from before signing to the
 * answer, counted by status. Driven by {@link io.hotline.benchmarks.sms.SmsWebhookLoad}, run by
 * {@code benchmarks/sms-webhook.sh}; figures in {@code docs/benchmarks.md}.
 * <p>
 * Threading: {@code sms-load-N} workers each send one request at a time (the JDK client pools the connections);
 * each keeps its own latencies, merged after the run; status counts are concurrent adders. Bounded in messages and
 * seconds.
 */
package io.hotline.benchmarks.sms;
