/**
 * The service-quality report of a period (docs/figures.md, "The service-quality report"):
 * {@link io.hotline.persistence.report.ServiceReportQuery} streams the period's records (work orders, dispatch
 * legs, surveys and follow-up calls, customers' products) and folds them in plain Java into an immutable
 * {@link io.hotline.persistence.report.ServiceReport}: every figure of the definitions table, in total, per ISO
 * week and per product line, and the proactive-care list. The SQL only selects rows; first-contact resolution and
 * solved without a visit come from {@link io.hotline.persistence.figures.ServiceFiguresQuery}. Read-only.
 * <p>
 * Threading: the query is thread-safe and blocks on JDBC for as long as the rows take to stream; call it from a
 * report executor or the command line, never from an engine thread or an event loop. The values are immutable.
 */
package io.hotline.persistence.report;
