package io.hotline.routing.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotline.routing.ladder.Tier;
import io.hotline.routing.seat.SeatProfile;
import io.hotline.routing.seat.SeatState;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The engine decides a seat's requests: each action in each state is applied or refused, a refusal is a
 * {@link RoutingCommand.RequestRejected} naming the request, and whoever waits gets the answer.
 */
class SeatRequestsTest {

    private static final Map<String, Function<String, RoutingEvent>> ACTIONS = Map.of(
            "login", id -> new RoutingEvent.SeatLoggedIn("s1", id),
            "logout", id -> new RoutingEvent.SeatLoggedOut("s1", id),
            "ready", id -> new RoutingEvent.SeatReady("s1", id),
            "notready", id -> new RoutingEvent.SeatNotReady("s1", "code-12", id));

    static Stream<Arguments> everyActionInEveryState() {
        return Stream.of(SeatState.values()).flatMap(state -> Stream.of("login", "logout", "ready", "notready")
                .map(action -> Arguments.of(state, action,
                        state == SeatState.LOGGED_OUT && !action.equals("login"))));
    }

    @ParameterizedTest(name = "{1} while {0}: refused={2}")
    @MethodSource("everyActionInEveryState")
    void shouldAnswerEachSeatRequestInEachState(SeatState state, String action, boolean refused) {
        // given
        EngineHarness harness = seatIn(state);
        assertThat(harness.engine.seat("s1").orElseThrow().state()).isEqualTo(state);
        harness.commands.clear();

        // when
        harness.apply(ACTIONS.get(action).apply("r1"));

        // then
        List<RoutingCommand.SeatRequestAnswered> answers = harness.all(RoutingCommand.SeatRequestAnswered.class);
        assertThat(answers).singleElement().satisfies(answer -> {
            assertThat(answer.requestId()).isEqualTo("r1");
            assertThat(answer.seatId()).isEqualTo("s1");
            assertThat(answer.accepted()).isEqualTo(!refused);
            assertThat(answer.reason() == null).isEqualTo(!refused);
        });
        if (refused) {
            assertThat(harness.all(RoutingCommand.RequestRejected.class)).containsExactly(
                    new RoutingCommand.RequestRejected("s1", answers.get(0).reason(), action));
            assertThat(harness.all(RoutingCommand.SeatStateChanged.class)).isEmpty();
            assertThat(harness.engine.seat("s1").orElseThrow().state()).isEqualTo(SeatState.LOGGED_OUT);
        } else {
            assertThat(harness.all(RoutingCommand.RequestRejected.class)).isEmpty();
        }
    }

    @Test
    void shouldRefuseReadyWhileLoggedOutAndAcceptItAfterALogin() {
        EngineHarness harness = seatIn(SeatState.LOGGED_OUT);

        harness.apply(new RoutingEvent.SeatReady("s1", "r1"), new RoutingEvent.SeatLoggedIn("s1", "r2"),
                new RoutingEvent.SeatReady("s1", "r3"));

        assertThat(harness.all(RoutingCommand.SeatRequestAnswered.class)).containsExactly(
                new RoutingCommand.SeatRequestAnswered("r1", "s1", false, "seat is logged out: log in first"),
                new RoutingCommand.SeatRequestAnswered("r2", "s1", true, null),
                new RoutingCommand.SeatRequestAnswered("r3", "s1", true, null));
        assertThat(harness.engine.seat("s1").orElseThrow().state()).isEqualTo(SeatState.READY);
    }

    @Test
    void shouldRefuseARequestOfAnUnknownSeat() {
        EngineHarness harness = new EngineHarness();

        harness.apply(new RoutingEvent.SeatLoggedIn("nobody", "r1"));

        assertThat(harness.all(RoutingCommand.SeatRequestAnswered.class)).containsExactly(
                new RoutingCommand.SeatRequestAnswered("r1", "nobody", false, "unknown seat"));
        assertThat(harness.all(RoutingCommand.RequestRejected.class)).containsExactly(
                new RoutingCommand.RequestRejected("nobody", "unknown seat", "login"));
    }

    @Test
    void shouldAnswerNobodyWhenNobodyWaits() {
        EngineHarness harness = seatIn(SeatState.LOGGED_OUT);

        harness.apply(new RoutingEvent.SeatLoggedOut("s1"));

        assertThat(harness.all(RoutingCommand.SeatRequestAnswered.class)).isEmpty();
        assertThat(harness.all(RoutingCommand.RequestRejected.class)).containsExactly(
                new RoutingCommand.RequestRejected("s1", "seat is logged out already", "logout"));
    }

    static Stream<Arguments> restoredStates() {
        return Stream.of(Arguments.of(SeatState.READY, null, SeatState.READY, null),
                Arguments.of(SeatState.NOT_READY, "code-12", SeatState.NOT_READY, "code-12"),
                Arguments.of(SeatState.RESERVED, null, SeatState.READY, null),
                Arguments.of(SeatState.ON_CALL, null, SeatState.READY, null),
                Arguments.of(SeatState.WRAP_UP, null, SeatState.READY, null),
                Arguments.of(SeatState.LOGGED_OUT, null, SeatState.LOGGED_OUT, null));
    }

    @ParameterizedTest(name = "{0} comes back {2}")
    @MethodSource("restoredStates")
    void shouldRestoreALoggedOutSeatToItsLastState(SeatState saved, String reason, SeatState expected,
                                                   String expectedReason) {
        EngineHarness harness = seatIn(SeatState.LOGGED_OUT);

        harness.apply(new RoutingEvent.SeatRestored("s1", saved, reason));

        SeatStatus seat = harness.engine.seat("s1").orElseThrow();
        assertThat(seat.state()).isEqualTo(expected);
        assertThat(seat.reason()).isEqualTo(expectedReason);
        assertThat(harness.engine.snapshot().seats(Tier.TIER1, expected)).isEqualTo(1);
    }

    @Test
    void shouldOfferACallToARestoredReadySeatButNotRestoreOneLoggedInAlready() {
        EngineHarness harness = seatIn(SeatState.LOGGED_OUT);
        harness.apply(new RoutingEvent.SeatRestored("s1", SeatState.READY, null));

        harness.call("c1", "ERP");
        harness.apply(new RoutingEvent.SeatRestored("s1", SeatState.NOT_READY, "code-12"));

        assertThat(harness.offers()).containsExactly("c1->s1");
        assertThat(harness.engine.seat("s1").orElseThrow().state()).isEqualTo(SeatState.RESERVED);
    }

    /** Seat s1 (tier 1, ERP 5) brought to {@code state}; the default wrap-up is long enough to stay in it. */
    private static EngineHarness seatIn(SeatState state) {
        EngineHarness harness = new EngineHarness();
        harness.apply(new RoutingEvent.SeatConfigured(new SeatProfile("s1", Tier.TIER1, Map.of("ERP", 5),
                "PJSIP/s1")));
        if (state == SeatState.LOGGED_OUT) {
            return harness;
        }
        harness.apply(new RoutingEvent.SeatLoggedIn("s1"));
        switch (state) {
            case NOT_READY -> harness.apply(new RoutingEvent.SeatNotReady("s1", "break"));
            case RESERVED -> harness.call("c1", "ERP");
            case ON_CALL -> harness.call("c1", "ERP").apply(new RoutingEvent.OfferAnswered("c1", "s1"));
            case WRAP_UP -> harness.call("c1", "ERP").apply(new RoutingEvent.OfferAnswered("c1", "s1"),
                    new RoutingEvent.CallEnded("c1"));
            default -> { }
        }
        return harness;
    }
}
