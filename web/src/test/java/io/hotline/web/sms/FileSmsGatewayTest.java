package io.hotline.web.sms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hotline.routing.spi.SmsGateway.Delivery;
import io.hotline.routing.spi.SmsGateway.Outbound;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSmsGatewayTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant AT = Instant.parse("2026-12-07T09:15:02.120Z");

    @TempDir
    Path directory;

    @Test
    void shouldAppendOneJsonLinePerMessageAndAnswerSentWithAFileId() throws Exception {
        // given a gateway whose directory does not exist yet
        Path file = directory.resolve("data/sms-outbox.jsonl");
        FileSmsGateway gateway = new FileSmsGateway(file, InstantSource.fixed(AT));
        String text = "Hotline: order 123456\n\"site\": 上海市 徐汇区 ✓";

        // when
        Delivery first = gateway.send(new Outbound(41, "+8613800000000", "ARRIVE 123456"));
        Delivery second = gateway.send(new Outbound(42, "13900000000", text));

        // then
        assertThat(first).isEqualTo(Delivery.sent("file-41"));
        assertThat(second).isEqualTo(Delivery.sent("file-42"));
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(2);
        assertThat(JSON.readTree(lines.get(0))).isEqualTo(JSON.readTree("{\"id\":41,\"to\":\"+8613800000000\","
                + "\"text\":\"ARRIVE 123456\",\"at\":\"2026-12-07T09:15:02.120Z\"}"));
        assertThat(JSON.readTree(lines.get(1)).get("text").asText()).isEqualTo(text);
    }

    @Test
    void shouldKeepWhatIsAlreadyInTheFile() throws Exception {
        Path file = directory.resolve("sms-outbox.jsonl");
        Files.writeString(file, "{\"id\":1}\n");

        new FileSmsGateway(file, InstantSource.fixed(AT)).send(new Outbound(2, "13800000000", "x"));

        assertThat(Files.readAllLines(file)).hasSize(2).first().isEqualTo("{\"id\":1}");
    }

    @Test
    void shouldFailWithWhyWhenTheFileCannotBeWritten() throws Exception {
        Path file = directory.resolve("a-directory");
        Files.createDirectories(file);

        Delivery delivery = new FileSmsGateway(file, InstantSource.fixed(AT)).send(new Outbound(3, "138000", "x"));

        assertThat(delivery.sent()).isFalse();
        assertThat(delivery.error()).contains("could not append to").contains("a-directory");
    }
}
