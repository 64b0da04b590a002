package io.hotline.web.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotline.web.http.Access;
import io.hotline.web.http.HttpReply;
import io.hotline.web.http.HttpRoute;
import io.hotline.web.http.RouteRequest;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import org.junit.jupiter.api.Test;

class MetricsHandlerTest {

    @Test
    void shouldAnswerWithTheScrapeAndItsContentType() {
        MetricsEndpoint metrics = new MetricsEndpoint() {
            @Override
            public String contentType() {
                return "text/plain; version=0.0.4; charset=utf-8";
            }

            @Override
            public String scrape() {
                return "hotline_up 1.0\n";
            }
        };
        HttpRoute route = MetricsHandler.route(metrics);

        HttpReply reply = route.handler().handle(RouteRequest.of(HttpMethod.GET, "/metrics",
                EmptyHttpHeaders.INSTANCE, new byte[0])).toCompletableFuture().join();

        assertThat(route.access()).isEqualTo(Access.PUBLIC);
        assertThat(reply.status()).isEqualTo(HttpResponseStatus.OK);
        assertThat(reply.contentType()).isEqualTo("text/plain; version=0.0.4; charset=utf-8");
        assertThat(reply.body()).isEqualTo("hotline_up 1.0\n");
        assertThat(reply.headers()).containsEntry("cache-control", "no-store");
    }
}
