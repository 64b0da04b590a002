package io.hotline.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WebConfigTest {

    @Test
    void shouldAcceptAValidConfig() {
        WebConfig config = WebConfig.of("127.0.0.1", 0);

        assertThat(config.maxRequestBytes()).isEqualTo(WebConfig.DEFAULT_MAX_REQUEST_BYTES);
        assertThat(new WebConfig("::1", 65_535, 1).port()).isEqualTo(65_535);
    }

    @Test
    void shouldRejectInvalidValues() {
        assertThatThrownBy(() -> new WebConfig(null, 80, 1024)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new WebConfig(" ", 80, 1024)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bindAddress");
        assertThatThrownBy(() -> new WebConfig("127.0.0.1", -1, 1024)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("port");
        assertThatThrownBy(() -> new WebConfig("127.0.0.1", 65_536, 1024))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WebConfig("127.0.0.1", 80, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxRequestBytes");
        assertThatThrownBy(() -> new WebConfig("127.0.0.1", 80, WebConfig.MAX_REQUEST_BYTES_LIMIT + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
