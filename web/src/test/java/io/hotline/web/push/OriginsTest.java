package io.hotline.web.push;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OriginsTest {

    @Test
    void shouldMatchTheSameHostAndPortWithDefaultPortsOnEitherSide() {
        assertThat(Origins.sameOrigin("http://hotline.example:8080", "hotline.example:8080")).isTrue();
        assertThat(Origins.sameOrigin("http://Hotline.Example", "hotline.example")).isTrue();
        assertThat(Origins.sameOrigin("http://hotline.example", "hotline.example:80")).isTrue();
        assertThat(Origins.sameOrigin("https://hotline.example", "hotline.example")).isTrue();
        assertThat(Origins.sameOrigin("http://[::1]:8080", "[::1]:8080")).isTrue();
    }

    @Test
    void shouldRefuseAnotherHostPortOrSchemeAndOpaqueOrigins() {
        assertThat(Origins.sameOrigin("http://evil.example", "hotline.example")).isFalse();
        assertThat(Origins.sameOrigin("http://hotline.example.evil.example", "hotline.example")).isFalse();
        assertThat(Origins.sameOrigin("http://hotline.example:8081", "hotline.example:8080")).isFalse();
        assertThat(Origins.sameOrigin("https://hotline.example", "hotline.example:80")).isFalse();
        assertThat(Origins.sameOrigin("null", "hotline.example")).isFalse();
        assertThat(Origins.sameOrigin("file:///tmp/x.html", "hotline.example")).isFalse();
        assertThat(Origins.sameOrigin("http://hotline.example", null)).isFalse();
        assertThat(Origins.sameOrigin("http://hotline.example", "hotline.example:x")).isFalse();
        assertThat(Origins.sameOrigin("http://[::1]:8080", "[::1]:8081")).isFalse();
    }
}
