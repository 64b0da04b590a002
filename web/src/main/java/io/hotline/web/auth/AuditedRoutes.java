package io.hotline.web.auth;

import io.hotline.web.http.Access;
import io.hotline.web.http.AuthenticatedUser;
import io.hotline.web.http.HttpReply;
import io.hotline.web.http.HttpRoute;
import io.hotline.web.http.HttpRoutes;
import io.hotline.web.http.RouteHandler;
import io.hotline.web.http.RouteRequest;
import io.hotline.web.http.Roles;
import io.netty.handler.codec.http.HttpMethod;
import java.time.InstantSource;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/**
 * Audits what supervisors and admins change: wraps every authenticated route whose method changes state (anything
 * but {@code GET}, {@code HEAD}, {@code OPTIONS}) so that, once it has answered, a request made by a supervisor or
 * an admin is recorded with the route's name, the path and the status answered. Agents' and duty managers'
 * requests, and reads, are not recorded here (the work order's own audit trail records what they change).
 * Stateless and thread-safe; the recording never blocks (the {@link PersonAudit} port's obligation).
 */
public final class AuditedRoutes {
    private AuditedRoutes() {
    }

    /** {@code routes} with every state-changing authenticated route audited. */
    public static HttpRoutes of(HttpRoutes routes, PersonAudit audit, InstantSource clock) {
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(clock, "clock");
        HttpRoutes.Builder audited = HttpRoutes.builder();
        for (HttpRoute route : routes.routes()) {
            audited.add(audits(route) ? new HttpRoute(route.method(), route.path(), route.name(), route.access(),
                    audited(route, audit, clock)) : route);
        }
        return audited.build();
    }

    private static boolean audits(HttpRoute route) {
        return route.access() == Access.AUTHENTICATED && !HttpMethod.GET.equals(route.method())
                && !HttpMethod.HEAD.equals(route.method()) && !HttpMethod.OPTIONS.equals(route.method());
    }

    private static RouteHandler audited(HttpRoute route, PersonAudit audit, InstantSource clock) {
        RouteHandler handler = route.handler();
        return request -> {
            CompletionStage<HttpReply> reply = handler.handle(request);
            AuthenticatedUser user = request.user().orElse(null);
            if (user == null || !(user.hasRole(Roles.SUPERVISOR) || user.hasRole(Roles.ADMIN))) {
                return reply;
            }
            return reply.whenComplete((answer, error) -> record(audit, clock, route, request, user,
                    answer == null ? "500" : Integer.toString(answer.status().code())));
        };
    }

    private static void record(PersonAudit audit, InstantSource clock, HttpRoute route, RouteRequest request,
            AuthenticatedUser user, String status) {
        audit.record(new PersonAuditEvent(clock.instant(), user.name(), UserJson.role(user), route.name(),
                request.path(), null, status, request.remoteAddress()));
    }
}
