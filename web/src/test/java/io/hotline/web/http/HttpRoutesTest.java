package io.hotline.web.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import org.junit.jupiter.api.Test;

class HttpRoutesTest {

    private static final RouteHandler OK = RouteHandler.of(request -> HttpReply.of(HttpResponseStatus.OK,
            "text/plain; charset=utf-8", "ok"));

    private final HttpRoutes routes = HttpRoutes.builder()
            .get("/health", "health", Access.PUBLIC, OK)
            .get("/orders", "orders_list", Access.AUTHENTICATED, OK)
            .post("/orders", "orders_create", Access.AUTHENTICATED, OK)
            .build();

    @Test
    void shouldFindARouteByMethodAndExactPath() {
        assertThat(routes.find(HttpMethod.GET, "/health")).get().extracting(HttpRoute::name).isEqualTo("health");
        assertThat(routes.find(HttpMethod.POST, "/orders")).get().extracting(HttpRoute::name)
                .isEqualTo("orders_create");
        assertThat(routes.find(HttpMethod.GET, "/health/")).isEmpty();
        assertThat(routes.find(HttpMethod.DELETE, "/orders")).isEmpty();
    }

    @Test
    void shouldServeHeadWithTheGetRoute() {
        assertThat(routes.find(HttpMethod.HEAD, "/health")).get().extracting(HttpRoute::name).isEqualTo("health");
    }

    @Test
    void shouldListTheAllowedMethodsOfAPathInOrder() {
        assertThat(routes.allowedMethods("/orders"))
                .containsExactly(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.POST);
        assertThat(routes.allowedMethods("/nowhere")).isEmpty();
    }

    @Test
    void shouldRejectTwoRoutesForTheSameMethodAndPath() {
        HttpRoutes.Builder builder = HttpRoutes.builder().get("/health", "health", Access.PUBLIC, OK);

        assertThatThrownBy(() -> builder.get("/health", "health_again", Access.PUBLIC, OK))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("two routes for GET /health");
    }

    @Test
    void shouldRejectRouteNamesThatAreNotBoundedSnakeCase() {
        assertThatThrownBy(() -> new HttpRoute(HttpMethod.GET, "/x", "Bad-Name", Access.PUBLIC, OK))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HttpRoute(HttpMethod.GET, "x", "x", Access.PUBLIC, OK))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldKeepTheRoutesInTheOrderAdded() {
        assertThat(routes.routes()).extracting(HttpRoute::name)
                .containsExactly("health", "orders_list", "orders_create");
    }

    @Test
    void shouldMatchATemplateAndNameItsParameters() {
        HttpRoutes table = HttpRoutes.builder()
                .post("/api/work-orders/{id}/escalate", "work_order_escalate", Access.AUTHENTICATED, OK)
                .get("/api/work-orders/{id}", "work_order", Access.AUTHENTICATED, OK)
                .build();

        HttpRoutes.RouteMatch match = table.match(HttpMethod.POST, "/api/work-orders/WO-42/escalate").orElseThrow();

        assertThat(match.route().name()).isEqualTo("work_order_escalate");
        assertThat(match.pathParameters()).containsExactly(org.assertj.core.api.Assertions.entry("id", "WO-42"));
        assertThat(table.find(HttpMethod.HEAD, "/api/work-orders/7")).get().extracting(HttpRoute::name)
                .isEqualTo("work_order");
        assertThat(table.find(HttpMethod.GET, "/api/work-orders//escalate")).isEmpty();
        assertThat(table.find(HttpMethod.GET, "/api/work-orders/7/")).isEmpty();
        assertThat(table.find(HttpMethod.GET, "/api/work-orders")).isEmpty();
    }

    @Test
    void shouldPreferAnExactPathToATemplateWhateverItsMethods() {
        HttpRoutes table = HttpRoutes.builder()
                .get("/api/work-orders/{id}", "work_order", Access.AUTHENTICATED, OK)
                .delete("/api/work-orders/{id}", "work_order_delete", Access.AUTHENTICATED, OK)
                .get("/api/work-orders/search", "work_order_search", Access.AUTHENTICATED, OK)
                .build();

        assertThat(table.find(HttpMethod.GET, "/api/work-orders/search")).get().extracting(HttpRoute::name)
                .isEqualTo("work_order_search");
        assertThat(table.find(HttpMethod.DELETE, "/api/work-orders/search")).isEmpty();
        assertThat(table.allowedMethods("/api/work-orders/search"))
                .containsExactly(HttpMethod.GET, HttpMethod.HEAD);
        assertThat(table.allowedMethods("/api/work-orders/9"))
                .containsExactly(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.DELETE);
    }

    @Test
    void shouldPreferTheMoreSpecificTemplateAndFallBackByMethod() {
        HttpRoutes table = HttpRoutes.builder()
                .get("/a/{x}/c", "param_first", Access.PUBLIC, OK)
                .put("/a/b/{y}", "literal_first", Access.PUBLIC, OK)
                .build();

        assertThat(table.find(HttpMethod.PUT, "/a/b/c")).get().extracting(HttpRoute::name)
                .isEqualTo("literal_first");
        assertThat(table.find(HttpMethod.GET, "/a/b/c")).get().extracting(HttpRoute::name)
                .isEqualTo("param_first");
        assertThat(table.match(HttpMethod.GET, "/a/b/c").orElseThrow().pathParameters()).containsOnlyKeys("x");
        assertThat(table.allowedMethods("/a/b/c")).containsExactly(HttpMethod.PUT, HttpMethod.GET, HttpMethod.HEAD);
        assertThat(table.allowedMethods("/a/z/c")).containsExactly(HttpMethod.GET, HttpMethod.HEAD);
        assertThat(table.allowedMethods("/a/z/z")).isEmpty();
    }

    @Test
    void shouldRejectMalformedOrCollidingTemplates() {
        assertThatThrownBy(() -> HttpRoutes.builder().get("/a/x{id}", "a", Access.PUBLIC, OK))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HttpRoutes.builder().get("/a/{id}/{id}", "a", Access.PUBLIC, OK))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HttpRoutes.builder().get("/a/{Id}", "a", Access.PUBLIC, OK))
                .isInstanceOf(IllegalArgumentException.class);
        HttpRoutes.Builder builder = HttpRoutes.builder().get("/a/{id}", "a", Access.PUBLIC, OK);
        assertThatThrownBy(() -> builder.get("/a/{id}", "a_again", Access.PUBLIC, OK))
                .hasMessage("two routes for GET /a/{id}");
        assertThatThrownBy(() -> builder.post("/a/{orderId}", "b", Access.PUBLIC, OK))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("parameter names");
    }
}
