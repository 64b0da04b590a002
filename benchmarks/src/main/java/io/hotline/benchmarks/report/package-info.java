/**
 * The service-quality report's benchmark (benchmarks/service-report.sh, docs/benchmarks.md): the streamed
 * {@link io.hotline.persistence.report.ServiceReportQuery} against
 * {@link io.hotline.benchmarks.report.NaiveServiceReport}, the same figures from every record loaded into memory
 * first, in the same JVM, alternating. Single-threaded.
 */
package io.hotline.benchmarks.report;
