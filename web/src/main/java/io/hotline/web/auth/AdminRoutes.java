package io.hotline.web.auth;

import com.fasterxml.jackson.databind.JsonNode;
import io.hotline.web.http.Access;
import io.hotline.web.http.HttpReply;
import io.hotline.web.http.HttpRoutes;
import io.hotline.web.http.Json;
import io.hotline.web.http.RouteHandler;
import io.hotline.web.http.RouteRequest;
import io.hotline.web.http.Roles;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * The admin's account routes, for admins only (403 {@code forbidden} for every other role):
 * {@code GET /api/admin/accounts}, {@code POST /api/admin/accounts} (add),
 * {@code POST /api/admin/accounts/password} {@code {login,password}} and
 * {@code POST /api/admin/accounts/disable} {@code {login}}. Being state-changing routes of an admin, the posts are
 * audited by {@link AuditedRoutes}. Stateless and thread-safe; nothing here blocks.
 */
public final class AdminRoutes {
    private final AccountAdmin admin;

    private AdminRoutes(AccountAdmin admin) {
        this.admin = Objects.requireNonNull(admin, "admin");
    }

    /** Adds the admin's account routes to {@code routes}. */
    public static HttpRoutes.Builder register(HttpRoutes.Builder routes, AccountAdmin admin) {
        AdminRoutes handlers = new AdminRoutes(admin);
        return routes.get("/api/admin/accounts", "admin_accounts", Access.AUTHENTICATED,
                        adminOnly(request -> handlers.admin.list().thenApply(accounts -> HttpReply.json(
                                HttpResponseStatus.OK, Map.of("accounts", accounts)))))
                .post("/api/admin/accounts", "admin_account_add", Access.AUTHENTICATED, adminOnly(handlers::add))
                .post("/api/admin/accounts/password", "admin_account_password", Access.AUTHENTICATED,
                        adminOnly(request -> handlers.withLogin(request, true, login -> handlers.admin
                                .changePassword(login, text(Json.readTree(request.bodyText()), "password")))))
                .post("/api/admin/accounts/disable", "admin_account_disable", Access.AUTHENTICATED,
                        adminOnly(request -> handlers.withLogin(request, false, handlers.admin::disable)));
    }

    private static RouteHandler adminOnly(RouteHandler handler) {
        return request -> request.user().filter(user -> user.hasRole(Roles.ADMIN)).isPresent()
                ? handler.handle(request)
                : CompletableFuture.completedFuture(HttpReply.error(HttpResponseStatus.FORBIDDEN, "forbidden",
                        "Only an admin may manage accounts."));
    }

    private CompletionStage<HttpReply> add(RouteRequest request) {
        Optional<JsonNode> body = Json.readTree(request.bodyText());
        String login = text(body, "login");
        String role = text(body, "role");
        String password = text(body, "password");
        if (login == null || role == null || password == null) {
            return badRequest("Send {\"login\",\"role\",\"password\"} and, as the role needs, \"seat\", \"branch\","
                    + " \"phone\", \"displayName\".");
        }
        return admin.add(new AccountAdmin.AccountForm(login, role, text(body, "seat"), text(body, "branch"),
                text(body, "phone"), text(body, "displayName"), password)).thenApply(result -> answer(result,
                HttpResponseStatus.CREATED));
    }

    private CompletionStage<HttpReply> withLogin(RouteRequest request, boolean needsPassword,
            Function<String, CompletionStage<AccountAdmin.Result>> change) {
        Optional<JsonNode> body = Json.readTree(request.bodyText());
        String login = text(body, "login");
        if (login == null || needsPassword && text(body, "password") == null) {
            return badRequest(needsPassword ? "Send {\"login\":\"...\",\"password\":\"...\"}."
                    : "Send {\"login\":\"...\"}.");
        }
        return change.apply(login).thenApply(result -> answer(result, HttpResponseStatus.OK));
    }

    private static HttpReply answer(AccountAdmin.Result result, HttpResponseStatus done) {
        if (result instanceof AccountAdmin.Result.Done ok) {
            return HttpReply.json(done, ok.account());
        }
        if (result instanceof AccountAdmin.Result.Refused refused) {
            return HttpReply.error(HttpResponseStatus.CONFLICT, "refused", refused.reason());
        }
        return HttpReply.error(HttpResponseStatus.NOT_FOUND, "not_found", "There is no such account.");
    }

    private static CompletionStage<HttpReply> badRequest(String message) {
        return CompletableFuture.completedFuture(HttpReply.error(HttpResponseStatus.BAD_REQUEST, "bad_request",
                message));
    }

    private static String text(Optional<JsonNode> body, String field) {
        return body.map(node -> node.get(field)).filter(JsonNode::isTextual).map(JsonNode::asText).orElse(null);
    }
}
