/**
 * The service-quality report over HTTP: {@code GET /api/reports/service-quality} (docs/api.md) for supervisors and
 * admins, its parameters checked here ({@link io.hotline.web.report.ReportRoutes}), the report itself made behind the
 * port {@link io.hotline.web.report.ReportBackend} (app: the database query and the HTML and CSV rendering).
 * <p>
 * Threading: the handler runs on the event loop only to check the request; the backend answers with a stage
 * completed on its own executor.
 */
package io.hotline.web.report;
