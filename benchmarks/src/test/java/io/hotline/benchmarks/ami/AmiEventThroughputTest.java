package io.hotline.benchmarks.ami;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The AMI benchmark harness itself: small floods over loopback to both clients, with exact counts. */
class AmiEventThroughputTest {
    private static final Path TRANSCRIPT = Path.of("..", AmiEventThroughput.DEFAULT_TRANSCRIPT);
    /** What Hotline's {@code AmiEventTranslator} turns into records, by Asterisk's event names. */
    private static final Set<String> TRANSLATED = Set.of("Newchannel", "Hangup", "DialBegin", "DialEnd",
            "BridgeEnter", "DeviceStateChange", "ContactStatus", "FullyBooted");
    private static final int REPETITIONS = 15;

    @Test
    void shouldKeepOnlyTheCallsEventBlocksOfTheRecording() throws Exception {
        // given the recording: banner, login response, events, a Goodbye response
        String raw = Files.readString(TRANSCRIPT, StandardCharsets.UTF_8);
        long eventLines = raw.lines().filter(line -> line.startsWith("Event: ")).count();

        // when it is parsed
        RecordedEvents recording = RecordedEvents.read(TRANSCRIPT);

        // then every event block but the once-per-login ones repeats, and nothing else
        assertThat(recording.names()).doesNotContainAnyElementsOf(RecordedEvents.ONCE_PER_LOGIN)
                .contains("Newchannel", "VarSet", "Hangup");
        assertThat(recording.eventsPerRepetition()).isEqualTo(eventLines - RecordedEvents.ONCE_PER_LOGIN.size());
        String repetition = new String(recording.repetition(), StandardCharsets.UTF_8);
        assertThat(repetition).startsWith("Event: ").endsWith("\r\n\r\n").doesNotContain("Response: ");
        assertThat(new String(recording.greeting(), StandardCharsets.UTF_8)).startsWith("Event: FullyBooted\r\n");
        assertThat(recording.prefixLength(recording.eventsPerRepetition())).isEqualTo(recording.repetition().length);
    }

    @Test
    void shouldDeliverEveryEventOfTheFloodToBothClients() throws Exception {
        // given a flood of the recorded call's events, repeated 15 times (1,980 events)
        RecordedEvents recording = RecordedEvents.read(TRANSCRIPT);
        long events = (long) REPETITIONS * recording.eventsPerRepetition();

        // when Hotline and asterisk-java each take it once
        List<RoundResult> results = AmiEventThroughput.run(new ThroughputConfig(events, 1, 0, 30, TRANSCRIPT,
                ThroughputConfig.ROUTING_INBOX_CAPACITY));

        // then both listeners saw every event, and Hotline's inbox got exactly the translated ones
        long dispatched = expectedDispatched(recording, events);
        long translated = recording.count(events, TRANSLATED::contains) + 1;
        assertThat(results).hasSize(2).allSatisfy(result -> {
            assertThat(result.complete()).as(result.toJson()).isTrue();
            assertThat(result.events()).isEqualTo(events);
            assertThat(result.dispatched()).as(result.toJson()).isEqualTo(dispatched);
            assertThat(result.endMarkers()).isEqualTo(1);
            assertThat(result.eventsPerSecond()).isPositive();
        });
        RoundResult hotline = only(results, HotlineEventClient.LABEL);
        assertThat(hotline.translated()).as(hotline.toJson()).isEqualTo(translated);
        assertThat(hotline.dropped()).isZero();
        assertThat(hotline.lagMax()).isNotNegative();
        assertThat(only(results, AsteriskJavaEventClient.LABEL).translated()).isZero();
    }

    @Test
    void shouldCountWhatAFullInboxRefusesAndStillFinishTheFlood() throws Exception {
        // given an inbox of one record behind Hotline's connection
        RecordedEvents recording = RecordedEvents.read(TRANSCRIPT);
        long events = (long) REPETITIONS * recording.eventsPerRepetition();

        // when the flood arrives
        List<RoundResult> results = AmiEventThroughput.run(new ThroughputConfig(events, 1, 0, 30, TRANSCRIPT, 1));

        // then every translated record was either taken or counted as dropped, none lost silently
        RoundResult hotline = only(results, HotlineEventClient.LABEL);
        assertThat(hotline.complete()).as(hotline.toJson()).isTrue();
        assertThat(hotline.translated() + hotline.dropped()).isEqualTo(recording.count(events, TRANSLATED::contains)
                + 1);
        assertThat(hotline.dispatched()).isEqualTo(expectedDispatched(recording, events));
    }

    /**
     * asterisk-java hands its listeners each recorded event once (it knows every type in recording 01), plus the
     * legacy events it makes up: a {@code DialEvent} per {@code DialBegin}, and a {@code BridgeEvent} when a
     * two-party bridge links and again when it unlinks (one {@code BridgeCreate} each); then the end marker.
     */
    private static long expectedDispatched(RecordedEvents recording, long events) {
        return events + recording.count(events, "DialBegin"::equals)
                + 2 * recording.count(events, "BridgeCreate"::equals) + 1;
    }

    private static RoundResult only(List<RoundResult> results, String client) {
        return results.stream().filter(result -> result.client().equals(client)).findFirst().orElseThrow();
    }
}
