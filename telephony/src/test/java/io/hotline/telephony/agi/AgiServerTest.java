package io.hotline.telephony.agi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hotline.telephony.Transcripts;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The FastAGI server over real loopback TCP, with a client that behaves as the recorded Asterisk. */
class AgiServerTest {
    private static final byte[] ROUTE_REQUEST =
            Transcripts.bytes("01-queue-tier1-answered-caller-hangs-up.agi1-recv.raw");

    private final List<Object> seen = new CopyOnWriteArrayList<>();
    private final AtomicInteger malformed = new AtomicInteger();
    private final AtomicInteger timedOut = new AtomicInteger();
    private final List<Long> answeredAfter = new CopyOnWriteArrayList<>();
    private AgiServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private InetSocketAddress start(Duration commandTimeout, AgiScript... scripts) {
        AgiSessionObserver observer = new AgiSessionObserver() {
            @Override
            public void malformedInput() {
                malformed.incrementAndGet();
            }

            @Override
            public void commandTimedOut() {
                timedOut.incrementAndGet();
            }

            @Override
            public void commandAnswered(long nanos) {
                answeredAfter.add(nanos);
            }
        };
        server = new AgiServer(new AgiServerConfig("127.0.0.1", 0, commandTimeout, Duration.ofMinutes(5), 8192, 1),
                List.of(scripts), observer);
        return server.start();
    }

    /** The first four commands the recorder's router sent, and what it got back. */
    private AgiScript recordedRouter() {
        return new AgiScript() {
            @Override
            public String name() {
                return "route";
            }

            @Override
            public CompletionStage<Void> run(AgiSession session) {
                seen.add(session.request().parameters());
                return session.send(AgiCommand.verbose("FastAGI route request dnis=100", 1))
                        .thenCompose(reply -> session.send(AgiCommand.getVariable("CALLERID(num)")))
                        .thenCompose(reply -> {
                            seen.add(reply.data());
                            return session.send(AgiCommand.getVariable("CALLERID(name)"));
                        })
                        .thenCompose(reply -> {
                            seen.add(reply.data());
                            return session.send(AgiCommand.setVariable("ROUTE_QUEUE", "tier1"));
                        })
                        .thenAccept(reply -> seen.add(reply.code()));
            }
        };
    }

    @Test
    void shouldServeTheRecordedRouteSessionAndReturnToTheDialplan() throws Exception {
        InetSocketAddress address = start(Duration.ofSeconds(5), recordedRouter());
        // the recorded bytes: the environment block and, after it, the replies Asterisk gave
        String recorded = new String(ROUTE_REQUEST, java.nio.charset.StandardCharsets.UTF_8);
        String environment = recorded.substring(0, recorded.indexOf("\n\n") + 2);

        try (FakeAsteriskClient asterisk = FakeAsteriskClient.connect(address)) {
            asterisk.send(environment);
            assertThat(asterisk.readCommand()).isEqualTo("VERBOSE \"FastAGI route request dnis=100\" 1");
            asterisk.send("200 result=1\n");
            assertThat(asterisk.readCommand()).isEqualTo("GET VARIABLE CALLERID(num)");
            asterisk.send("200 result=1 (+4930123401)\n");
            assertThat(asterisk.readCommand()).isEqualTo("GET VARIABLE CALLERID(name)");
            // split mid-character: the UTF-8 name arrives in two writes
            byte[] name = "200 result=1 (Jürgen Müller)\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            asterisk.send(java.util.Arrays.copyOfRange(name, 0, 17)).send(java.util.Arrays.copyOfRange(name, 17,
                    name.length));
            assertThat(asterisk.readCommand()).isEqualTo("SET VARIABLE ROUTE_QUEUE tier1");
            asterisk.send("200 result=1\n");

            assertThat(asterisk.closedByServer()).isTrue();
        }
        assertThat(seen).containsExactly(java.util.Map.of("dnis", "100", "trunk", "carrier"), "+4930123401",
                "Jürgen Müller", 200);
        // and each of the four commands' latency was reported once
        assertThat(answeredAfter).hasSize(4).allMatch(nanos -> nanos > 0);
    }

    @Test
    void shouldKeepThePlusOfTheE164NumberAsteriskPutsIntoTheUrl() throws Exception {
        // Recording 19: a carrier sends +864008001234; Asterisk puts it into the AGI URL with its literal '+'.
        String recorded = new String(Transcripts.bytes("19-inbound-e164-dnis.agi1-recv.raw"),
                java.nio.charset.StandardCharsets.UTF_8);
        CompletableFuture<AgiRequest> request = new CompletableFuture<>();
        AgiScript e164 = new AgiScript() {
            @Override
            public String name() {
                return "e164";
            }

            @Override
            public CompletionStage<Void> run(AgiSession session) {
                request.complete(session.request());
                return session.send(AgiCommand.getVariable("EXTEN")).thenAccept(reply -> seen.add(reply.data()));
            }
        };
        InetSocketAddress address = start(Duration.ofSeconds(5), e164);

        try (FakeAsteriskClient asterisk = FakeAsteriskClient.connect(address)) {
            asterisk.send(recorded.substring(0, recorded.indexOf("\n\n") + 2));
            assertThat(asterisk.readCommand()).isEqualTo("GET VARIABLE EXTEN");
            asterisk.send("200 result=1 (+864008001234)\n");
            assertThat(asterisk.closedByServer()).isTrue();
        }
        AgiRequest received = request.get(5, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(received.parameters()).containsExactly(java.util.Map.entry("pattern", "_+X."),
                java.util.Map.entry("dnis", "+864008001234"));
        assertThat(received.dialledNumber()).isEqualTo("+864008001234");
        assertThat(received.get("agi_extension")).isEqualTo("+864008001234");
        assertThat(seen).containsExactly("+864008001234");
    }

    @Test
    void shouldAnswerAnUnknownScriptSafelyAndClose() throws Exception {
        InetSocketAddress address = start(Duration.ofSeconds(5), recordedRouter());

        try (FakeAsteriskClient asterisk = FakeAsteriskClient.connect(address)) {
            asterisk.send("agi_network_script: nosuchscript?x=1\nagi_channel: PJSIP/carrier-1\n\n");
            assertThat(asterisk.readCommand()).isEqualTo("SET VARIABLE HOTLINE_RESULT UNKNOWN_SCRIPT");
            asterisk.send("200 result=1\n");
            assertThat(asterisk.closedByServer()).isTrue();
        }
    }

    @Test
    void shouldCloseOnlyTheConnectionThatSentGarbage() throws Exception {
        InetSocketAddress address = start(Duration.ofSeconds(5), recordedRouter());

        try (FakeAsteriskClient good = FakeAsteriskClient.connect(address);
             FakeAsteriskClient bad = FakeAsteriskClient.connect(address)) {
            good.send("agi_network_script: route?dnis=100\n\n");
            assertThat(good.readCommand()).startsWith("VERBOSE");

            bad.send("\u0016\u0003\u0001 this is TLS or worse\n");
            assertThat(bad.closedByServer()).isTrue();

            good.send("200 result=1\n");
            assertThat(good.readCommand()).isEqualTo("GET VARIABLE CALLERID(num)");
        }
        assertThat(malformed).hasValue(1);
    }

    @Test
    void shouldCloseTheSessionWhenACommandGetsNoReplyInTime() throws Exception {
        InetSocketAddress address = start(Duration.ofMillis(300), recordedRouter());

        try (FakeAsteriskClient asterisk = FakeAsteriskClient.connect(address)) {
            asterisk.send("agi_network_script: route\n\n");
            assertThat(asterisk.readCommand()).startsWith("VERBOSE");
            assertThat(asterisk.closedByServer()).isTrue();
        }
        assertThat(timedOut).hasValue(1);
    }

    @Test
    void shouldTellTheScriptOfAHangupBeforeTheReplyOfTheCommandInFlight() throws Exception {
        CompletableFuture<String> order = new CompletableFuture<>();
        StringBuilder events = new StringBuilder();
        AgiScript waiting = new AgiScript() {
            @Override
            public String name() {
                return "route";
            }

            @Override
            public CompletionStage<Void> run(AgiSession session) {
                session.onHangup(() -> events.append("hangup;"));
                return session.send(AgiCommand.getVariable("CALLERID(num)")).thenAccept(reply -> {
                    events.append("reply ").append(reply.data()).append(';');
                    order.complete(events.toString());
                });
            }
        };
        InetSocketAddress address = start(Duration.ofSeconds(5), waiting);

        try (FakeAsteriskClient asterisk = FakeAsteriskClient.connect(address)) {
            asterisk.send("agi_network_script: route\n\n");
            assertThat(asterisk.readCommand()).isEqualTo("GET VARIABLE CALLERID(num)");
            // exactly as in recording 11: HANGUP, then the reply to the command in flight
            asterisk.send("HANGUP\n200 result=1 (+4930123411)\n");
            assertThat(order.get(5, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo("hangup;reply +4930123411;");
            assertThat(asterisk.closedByServer()).isTrue();
        }
    }

    @Test
    void shouldRefuseASecondCommandWhileOneIsInFlight() throws Exception {
        CompletableFuture<Throwable> refused = new CompletableFuture<>();
        AgiScript eager = new AgiScript() {
            @Override
            public String name() {
                return "route";
            }

            @Override
            public CompletionStage<Void> run(AgiSession session) {
                CompletionStage<AgiReply> first = session.send(AgiCommand.answer());
                session.send(AgiCommand.hangup()).whenComplete((reply, error) -> refused.complete(error));
                return first.thenAccept(reply -> { });
            }
        };
        InetSocketAddress address = start(Duration.ofSeconds(5), eager);

        try (FakeAsteriskClient asterisk = FakeAsteriskClient.connect(address)) {
            asterisk.send("agi_network_script: route\n\n");
            assertThat(asterisk.readCommand()).isEqualTo("ANSWER");
            assertThat(refused.get(5, java.util.concurrent.TimeUnit.SECONDS))
                    .isInstanceOf(AgiSessionException.class).hasMessageContaining("still in flight");
            asterisk.send("200 result=0\n");
            assertThat(asterisk.closedByServer()).isTrue();
        }
    }

    @Test
    void shouldCloseEverySessionWhenTheServerStops() throws Exception {
        AgiScript forever = new AgiScript() {
            @Override
            public String name() {
                return "route";
            }

            @Override
            public CompletionStage<Void> run(AgiSession session) {
                return new CompletableFuture<>();
            }
        };
        InetSocketAddress address = start(Duration.ofSeconds(5), forever);
        try (FakeAsteriskClient asterisk = FakeAsteriskClient.connect(address)) {
            asterisk.send("agi_network_script: route\n\n");
            await().atMost(Duration.ofSeconds(5)).until(() -> server.connections() == 1);

            server.close();

            assertThat(asterisk.closedByServer()).isTrue();
        }
    }
}
