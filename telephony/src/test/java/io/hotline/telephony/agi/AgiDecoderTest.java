package io.hotline.telephony.agi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.hotline.telephony.Transcripts;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.TooLongFrameException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The decoder fed exactly what Asterisk 22 sent, whole and split at every byte. */
class AgiDecoderTest {
    private EmbeddedChannel channel;

    @AfterEach
    void nothingLeftOver() {
        if (channel != null) {
            assertFalse(channel.finish(), "no message left undecoded or unread");
        }
    }

    static Stream<String> recordings() {
        return Transcripts.agiRecordings().stream();
    }

    @ParameterizedTest
    @MethodSource("recordings")
    void shouldDecodeEveryRecordedSessionAsTheRecorderSawIt(String recording) {
        byte[] bytes = Transcripts.bytes(recording);
        List<String> expected = expectedFrom(recording);

        List<String> whole = decode(List.of(bytes));

        assertThat(whole).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest
    @MethodSource("recordings")
    void shouldDecodeTheSameWhenSplitAtEveryByte(String recording) {
        byte[] bytes = Transcripts.bytes(recording);
        List<String> expected = expectedFrom(recording);

        for (int split = 1; split < bytes.length; split++) {
            List<String> decoded = decode(List.of(Arrays.copyOfRange(bytes, 0, split),
                    Arrays.copyOfRange(bytes, split, bytes.length)));
            assertThat(decoded).as("split at byte %d", split).containsExactlyElementsOf(expected);
        }
        List<byte[]> singleBytes = new ArrayList<>();
        for (byte value : bytes) {
            singleBytes.add(new byte[] {value});
        }
        assertThat(decode(singleBytes)).as("one byte at a time").containsExactlyElementsOf(expected);
    }

    @Test
    void shouldReadTheEnvironmentWithScriptQueryAndArguments() {
        channel = new EmbeddedChannel(new AgiDecoder());
        channel.writeInbound(Unpooled.wrappedBuffer(Transcripts.bytes("15-agi-routes-to-endpoint-dial.agi1-recv.raw")));

        AgiRequest request = channel.readInbound();

        assertThat(request.script()).isEqualTo("route");
        assertThat(request.parameters()).containsEntry("dnis", "500").containsEntry("trunk", "carrier");
        assertThat(request.arguments()).containsExactly("+4930123415", "1795347827.35");
        assertThat(request.uniqueId()).isEqualTo("1795347827.35");
        assertThat(request.channel()).isEqualTo("PJSIP/carrier-00000021");
        assertThat(request.get("agi_accountcode")).isEmpty();
        assertThat(request.get("agi_rdnis")).isEqualTo("unknown");
        drain();
    }

    @Test
    void shouldKeepUtf8NamesAndDataWithParenthesesQuotesAndEndpos() {
        channel = new EmbeddedChannel(new AgiDecoder());
        channel.writeInbound(Unpooled.wrappedBuffer(Transcripts.bytes("12-agi-command-catalog.agi1-recv.raw")));
        channel.<AgiRequest>readInbound();

        List<AgiReply> replies = new ArrayList<>();
        Object message;
        while ((message = channel.readInbound()) != null) {
            if (message instanceof AgiReply reply) {
                replies.add(reply);
            }
        }

        assertThat(replies).extracting(AgiReply::data)
                .contains("AGI Catalog", "\"AGI Catalog\" <+4930123412> on PJSIP/carrier-0000001a",
                        "has spaces and \"quotes\"", "hangup");
        assertThat(replies).filteredOn(reply -> reply.endPosition() != null).extracting(AgiReply::endPosition)
                .containsExactly(16000L, 0L, 16000L);
        assertThat(replies).filteredOn(reply -> "-2".equals(reply.result())).hasSize(1);
        assertThat(replies).filteredOn(reply -> reply.code() == AgiReply.USAGE).hasSize(2).first()
                .satisfies(usage -> {
                    assertThat(usage.usage().get(0)).isEqualTo("Invalid command syntax.  Proper usage follows:");
                    assertThat(usage.usage().get(usage.usage().size() - 1)).isEqualTo("End of proper usage.");
                });
        assertThat(replies).filteredOn(reply -> reply.code() == AgiReply.DEAD_CHANNEL).hasSize(2)
                .allSatisfy(reply -> assertThat(reply.text()).startsWith("Command Not Permitted"));
    }

    @Test
    void shouldDeliverHangupBeforeTheReplyOfTheCommandInFlight() {
        channel = new EmbeddedChannel(new AgiDecoder());
        channel.writeInbound(Unpooled.wrappedBuffer(
                Transcripts.bytes("11-agi-caller-hangs-up-during-agi.agi1-recv.raw")));
        List<Object> messages = new ArrayList<>();
        Object message;
        while ((message = channel.readInbound()) != null) {
            messages.add(message);
        }

        int hangup = messages.indexOf(AgiHangup.INSTANCE);
        assertThat(hangup).isPositive();
        assertThat(messages.get(hangup + 1)).isInstanceOfSatisfying(AgiReply.class,
                reply -> assertThat(reply.data()).isEqualTo("+4930123411"));
    }

    @Test
    void shouldAcceptCrLfLineEndsToo() {
        channel = new EmbeddedChannel(new AgiDecoder());
        channel.writeInbound(buffer("agi_network_script: route\r\nagi_uniqueid: 1.2\r\n\r\n200 result=1 (x)\r\n"));

        assertThat(channel.<AgiRequest>readInbound().uniqueId()).isEqualTo("1.2");
        assertThat(channel.<AgiReply>readInbound().data()).isEqualTo("x");
    }

    @Test
    void shouldRefuseAnOverlongLineAndDiscardTheRest() {
        channel = new EmbeddedChannel(new AgiDecoder(128));
        ByteBuf huge = buffer("agi_network_script: " + "x".repeat(200));

        assertThatThrownBy(() -> channel.writeInbound(huge)).isInstanceOf(TooLongFrameException.class);
        channel.writeInbound(buffer("\nagi_uniqueid: 1\n\n"));
        assertThat((Object) channel.readInbound()).isNull();
    }

    @Test
    void shouldRefuseARequestHeaderLargerThanItsCapAndDiscardTheRest() {
        // given: well-formed header lines, 40 of 120 bytes, 4,800 bytes in all, over a 4 KiB header cap
        channel = new EmbeddedChannel(new AgiDecoder(8192, 4096, 1024));
        StringBuilder header = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            header.append("agi_arg_").append(i).append(": ").append("x".repeat(105)).append('\n');
        }

        // when / then: refused before the empty line that would end the header
        assertThatThrownBy(() -> channel.writeInbound(buffer(header.toString())))
                .isInstanceOf(TooLongFrameException.class).hasMessageContaining("header longer than 4096 bytes");
        channel.writeInbound(buffer("\n200 result=1\n"));
        assertThat((Object) channel.readInbound()).isNull();
    }

    @Test
    void shouldRefuseAHeaderLineLongerThanTheHeaderLineCapWhileRepliesMayBeLonger() {
        // given: the header line cap is 1 KiB, replies may have 8 KiB lines
        channel = new EmbeddedChannel(new AgiDecoder(8192, 4096, 1024));
        channel.writeInbound(buffer("agi_network_script: route\n\n200 result=1 (" + "y".repeat(3000) + ")\n"));
        assertThat((Object) channel.readInbound()).isInstanceOf(AgiRequest.class);
        assertThat(channel.<AgiReply>readInbound().data()).hasSize(3000);

        // when / then: the same 3,000 bytes in a header line, unfinished, are refused
        EmbeddedChannel fresh = new EmbeddedChannel(new AgiDecoder(8192, 4096, 1024));
        assertThatThrownBy(() -> fresh.writeInbound(buffer("agi_callerid: " + "z".repeat(3000))))
                .isInstanceOf(TooLongFrameException.class).hasMessageContaining("header line longer than 1024");
        assertFalse(fresh.finish());
    }

    @Test
    void shouldAcceptTheLargestRecordedHeaderWithinTheDefaultCaps() {
        // given: every recorded environment block
        for (String recording : Transcripts.agiRecordings()) {
            byte[] bytes = Transcripts.bytes(recording);
            EmbeddedChannel decoder = new EmbeddedChannel(new AgiDecoder());

            decoder.writeInbound(Unpooled.wrappedBuffer(bytes));

            assertThat((Object) decoder.readInbound()).as(recording).isInstanceOf(AgiRequest.class);
            decoder.finishAndReleaseAll();
        }
    }

    @Test
    void shouldRefuseGarbageInsteadOfAnEnvironment() {
        channel = new EmbeddedChannel(new AgiDecoder());

        assertThatThrownBy(() -> channel.writeInbound(buffer("GET / HTTP/1.1\r\n")))
                .isInstanceOf(DecoderException.class).hasMessageContaining("malformed AGI environment line");
    }

    @Test
    void shouldRefuseAGarbageReply() {
        channel = new EmbeddedChannel(new AgiDecoder());
        channel.writeInbound(buffer("agi_uniqueid: 1\n\n"));
        channel.readInbound();

        assertThatThrownBy(() -> channel.writeInbound(buffer("hello there\n")))
                .isInstanceOf(DecoderException.class).hasMessageContaining("malformed AGI reply");
        // once failed, the decoder discards the rest of the connection instead of guessing
        channel.writeInbound(buffer("200 result=1\n"));
        assertThat((Object) channel.readInbound()).isNull();
    }

    @Test
    void shouldRefuseASuccessReplyWithoutResult() {
        channel = new EmbeddedChannel(new AgiDecoder());
        channel.writeInbound(buffer("agi_uniqueid: 1\n\n"));
        channel.readInbound();

        assertThatThrownBy(() -> channel.writeInbound(buffer("200 no result here\n")))
                .isInstanceOf(DecoderException.class).hasMessageContaining("without result");
    }

    private List<String> decode(List<byte[]> chunks) {
        EmbeddedChannel decoder = new EmbeddedChannel(new AgiDecoder());
        for (byte[] chunk : chunks) {
            decoder.writeInbound(Unpooled.wrappedBuffer(chunk));
        }
        List<String> decoded = new ArrayList<>();
        Object message;
        while ((message = decoder.readInbound()) != null) {
            decoded.add(describe(message));
        }
        assertFalse(decoder.finish());
        return decoded;
    }

    /** What the recorder saw on the same session, described the same way. */
    private static List<String> expectedFrom(String recording) {
        String scenario = recording.substring(0, recording.indexOf(".agi"));
        String session = recording.substring(recording.indexOf(".agi") + 1, recording.indexOf("-recv"));
        List<String> expected = new ArrayList<>();
        for (Transcripts.Record record : Transcripts.records(scenario, session)) {
            if (!"recv".equals(record.dir())) {
                continue;
            }
            switch (record.kind()) {
                case "agi-env" -> expected.add("request " + record.data().lines()
                        .filter(line -> !line.isEmpty()).count() + " variables");
                case "agi-hangup" -> expected.add("HANGUP");
                case "agi-reply" -> expected.add("reply " + record.data().substring(0, 3));
                default -> { }
            }
        }
        return expected;
    }

    private static String describe(Object message) {
        if (message instanceof AgiRequest request) {
            return "request " + request.environment().size() + " variables";
        }
        if (message instanceof AgiReply reply) {
            return "reply " + reply.code();
        }
        return message.toString();
    }

    private void drain() {
        while (channel.readInbound() != null) {
            continue;
        }
    }

    private static ByteBuf buffer(String text) {
        return Unpooled.copiedBuffer(text, StandardCharsets.UTF_8);
    }
}
