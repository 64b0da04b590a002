/**
 * The service-quality report's files (docs/figures.md, README "The service-quality report"): {@link
 * io.hotline.app.report.HtmlReport} renders a {@link io.hotline.persistence.report.ServiceReport} as one
 * self-contained HTML file (Apache ECharts inlined from its webjar, so it opens offline; every figure also in a table
 * with its definition; Chinese or English), {@link io.hotline.app.report.CsvReport} as CSV tables (UTF-8 with a BOM,
 * RFC 4180), {@code io.hotline.app.ReportCommand} writes them for {@code hotline report}, and
 * {@link io.hotline.app.report.JdbiReportBackend} serves {@code GET /api/reports/service-quality}.
 * <p>
 * Threading: the renderers are stateless and thread-safe; the backend runs the query and the rendering on its own
 * bounded executor, never on an event loop.
 */
package io.hotline.app.report;
