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
}
