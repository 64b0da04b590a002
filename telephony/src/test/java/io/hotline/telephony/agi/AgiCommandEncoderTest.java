package io.hotline.telephony.agi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Commands go out exactly as the recorder sent them to Asterisk 22. */
class AgiCommandEncoderTest {

    @Test
    void shouldWriteCommandsAsTheRecordedOnes() {
        assertThat(encode(AgiCommand.setVariable("CUSTOMER_NOTE", "has spaces and \"quotes\"")))
                .isEqualTo("SET VARIABLE CUSTOMER_NOTE \"has spaces and \\\"quotes\\\"\"\n");
        assertThat(encode(AgiCommand.getVariable("CHANNEL(linkedid)"))).isEqualTo("GET VARIABLE CHANNEL(linkedid)\n");
        assertThat(encode(AgiCommand.streamFile("custom/welcome", ""))).isEqualTo("STREAM FILE custom/welcome \"\"\n");
        assertThat(encode(AgiCommand.waitForDigit(Duration.ofMillis(1500)))).isEqualTo("WAIT FOR DIGIT 1500\n");
        assertThat(encode(AgiCommand.verbose("FastAGI route request dnis=100", 1)))
                .isEqualTo("VERBOSE \"FastAGI route request dnis=100\" 1\n");
        assertThat(encode(AgiCommand.setVariable("CALLERID(name)", "Jürgen Müller")))
                .isEqualTo("SET VARIABLE CALLERID(name) \"Jürgen Müller\"\n");
    }

    @Test
    void shouldRefuseTextThatWouldSmuggleASecondCommand() {
        assertThatThrownBy(() -> AgiCommand.setVariable("NOTE", "x\nEXEC System rm"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AgiCommand("ANSWER\r")).isInstanceOf(IllegalArgumentException.class);
    }

    private static String encode(AgiCommand command) {
        EmbeddedChannel channel = new EmbeddedChannel(AgiCommandEncoder.INSTANCE);
        channel.writeOutbound(command);
        ByteBuf out = channel.readOutbound();
        try {
            return out.toString(StandardCharsets.UTF_8);
        } finally {
            out.release();
            channel.finish();
        }
    }
}
