package io.hotline.web.push;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import org.junit.jupiter.api.Test;

/**
 * What the push upgrade takes from the handshake besides the user: the topics the page asked for (a few short
 * lower-case names, nothing else), and the subprotocols without the wallboard's token, so that Netty's handshaker
 * (which may log what it cannot serve) never sees it.
 */
class PushUpgradeTopicsTest {

    @Test
    void shouldTakeAFewWellFormedTopicsOnly() {
        assertThat(PushUpgradeHandler.topics("/ws?topic=wallboard")).containsExactly("wallboard");
        assertThat(PushUpgradeHandler.topics("/ws")).isEmpty();
        assertThat(PushUpgradeHandler.topics("/ws?topic=Wallboard&topic=a%20b&topic=" + "x".repeat(33))).isEmpty();
        assertThat(PushUpgradeHandler.topics("/ws?topic=a&topic=b&topic=c&topic=d&topic=e")).hasSize(4);
    }

    @Test
    void shouldDropTheTokensSubprotocolBeforeTheHandshake() {
        HttpHeaders headers = new DefaultHttpHeaders().add("Sec-WebSocket-Protocol",
                "hotline.wallboard, bearer.secret-token-0123456789abcdef").add("Sec-WebSocket-Protocol", "chat");
        PushUpgradeHandler.withoutTokens(headers);
        assertThat(headers.getAll("Sec-WebSocket-Protocol")).containsExactly("hotline.wallboard, chat");

        HttpHeaders onlyToken = new DefaultHttpHeaders().add("Sec-WebSocket-Protocol", "Bearer.secret");
        PushUpgradeHandler.withoutTokens(onlyToken);
        assertThat(onlyToken.contains("Sec-WebSocket-Protocol")).isFalse();
    }
}
