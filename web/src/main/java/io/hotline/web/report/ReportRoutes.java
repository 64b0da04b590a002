package io.hotline.web.report;

import io.hotline.web.http.Access;
import io.hotline.web.http.ApiReplies;
import io.hotline.web.http.HttpReply;
import io.hotline.web.http.HttpRoutes;
import io.hotline.web.http.RouteRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;

/**
 * {@code GET /api/reports/service-quality?from=YYYY-MM-DD&to=YYYY-MM-DD&format=html|csv[&table=...][&lang=zh|en]}
 * (docs/api.md): supervisors and admins (403 for everyone else, 401 without a session), 400 with the reason for a
 * bad parameter, 503 until the database is open or while too many reports are being made. The file comes with
 * {@code Content-Disposition} (HTML inline, CSV as an attachment), {@code Cache-Control: no-store} and its own
 * {@code Content-Security-Policy}. Stateless, thread-safe; the handler only checks the request on the event loop.
 */
public final class ReportRoutes {
    /** The route's path. */
    public static final String PATH = "/api/reports/service-quality";

    private ReportRoutes() {
    }

    /** Adds the report's route to {@code routes}. */
    public static HttpRoutes.Builder register(HttpRoutes.Builder routes, ReportBackend backend) {
        Objects.requireNonNull(backend, "backend");
        return routes.get(PATH, "report_service_quality", Access.AUTHENTICATED, request -> handle(request, backend));
    }

    private static CompletionStage<HttpReply> handle(RouteRequest request, ReportBackend backend) {
        if (!request.user().orElseThrow().supervises()) {
            return ApiReplies.now(ApiReplies.forbidden("The service-quality report is for supervisors and admins."));
        }
        if (!backend.ready()) {
            return ApiReplies.now(ApiReplies.starting("its database"));
        }
        Object checked = check(request);
        if (checked instanceof HttpReply refusal) {
            return ApiReplies.now(refusal);
        }
        return backend.serviceQuality((ReportRequest) checked).handle((file, error) -> {
            if (error == null) {
                return HttpReply.bytes(HttpResponseStatus.OK, file.contentType(), file.content())
                        .withHeader("Content-Disposition", (file.contentType().startsWith("text/html") ? "inline"
                                : "attachment") + "; filename=\"" + file.fileName() + "\"")
                        .withHeader("Cache-Control", "no-store")
                        .withHeader("X-Content-Type-Options", "nosniff")
                        .withHeader("Content-Security-Policy", file.contentSecurityPolicy());
            }
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause()
                    : error;
            if (cause instanceof RejectedExecutionException) {
                return ApiReplies.busy();
            }
            throw new CompletionException(cause);
        });
    }

    /** The checked request, or the 400 that says what is wrong. */
    static Object check(RouteRequest request) {
        Optional<LocalDate> from = date(request, "from");
        Optional<LocalDate> to = date(request, "to");
        if (from.isEmpty() || to.isEmpty()) {
            return ApiReplies.badRequest("\"from\" and \"to\" are days, YYYY-MM-DD: the period is [from, to).");
        }
        if (!to.get().isAfter(from.get())) {
            return ApiReplies.badRequest("\"to\" (" + to.get() + ") must be after \"from\" (" + from.get()
                    + "): the period is [from, to).");
        }
        if (ChronoUnit.DAYS.between(from.get(), to.get()) > ReportRequest.MAX_DAYS) {
            return ApiReplies.badRequest("The period is at most " + ReportRequest.MAX_DAYS + " days.");
        }
        String format = request.queryParameter("format").orElse("html");
        if (!ReportRequest.FORMATS.contains(format)) {
            return ApiReplies.badRequest("\"format\" is html or csv.");
        }
        String language = request.queryParameter("lang").orElse("zh");
        if (!ReportRequest.LANGUAGES.contains(language)) {
            return ApiReplies.badRequest("\"lang\" is zh or en.");
        }
        Optional<String> table = request.queryParameter("table");
        if (format.equals("csv") && (table.isEmpty() || !ReportRequest.TABLES.contains(table.get()))) {
            return ApiReplies.badRequest("format=csv needs \"table\", one of " + String.join(", ",
                    ReportRequest.TABLES) + ".");
        }
        if (format.equals("html") && table.isPresent()) {
            return ApiReplies.badRequest("\"table\" is for format=csv only.");
        }
        return new ReportRequest(from.get(), to.get(), format, table.orElse(null), language);
    }

    private static Optional<LocalDate> date(RouteRequest request, String name) {
        Optional<String> text = request.queryParameter(name).filter(value -> value.matches("\\d{4}-\\d{2}-\\d{2}"));
        try {
            return text.map(LocalDate::parse);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
