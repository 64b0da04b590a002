package io.hotline.app.field;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hotline.persistence.dao.ContractLevel;
import io.hotline.persistence.dao.CustomerRow;
import io.hotline.routing.desk.Actor;
import io.hotline.routing.desk.ActorKind;
import io.hotline.routing.desk.DeskCommand;
import io.hotline.routing.desk.DeskEvent;
import io.hotline.routing.field.BranchChoice;
import io.hotline.routing.field.DispatchLeg;
import io.hotline.routing.field.DispatchState;
import io.hotline.routing.field.FieldCommand;
import io.hotline.routing.field.FieldDirectory;
import io.hotline.routing.field.FieldEvent;
import io.hotline.routing.field.FieldStep;
import io.hotline.routing.field.FollowUp;
import io.hotline.routing.field.GeoPoint;
import io.hotline.routing.field.Site;
import io.hotline.routing.field.StoredDispatch;
import io.hotline.routing.spi.CallMonitor;
import io.hotline.web.console.ConsoleBackend;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The console's backend over a fake desk and a fake PBX (the desk's own words answer an action; the follow-up call
 * is placed only for a completed order with a number, from the account's phone), and the customer's site of an
 * on-site escalation.
 */
class FieldBackendsTest {
    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00.123Z");
    private static final Actor DUTY = new Actor(ActorKind.DUTY_MANAGER, "zhao");

    private final OpenDispatches dispatches = new OpenDispatches();
    private final List<DeskEvent> asked = new ArrayList<>();
    private final List<String> calls = new ArrayList<>();
    private Function<DeskEvent, List<DeskCommand>> desk = event -> List.of();

    private final EngineConsoleBackend backend = new EngineConsoleBackend(new EngineConsoleBackend.Wiring(dispatches,
            () -> FieldDirectory.EMPTY, this::ask, () -> true, InstantSource.fixed(NOW)),
            new EngineConsoleBackend.Records(id -> List.of(), id -> List.of(), Runnable::run,
                    (phone, number, id) -> {
                        calls.add(phone + " -> " + number + " #" + id);
                        return CompletableFuture.completedFuture(number.startsWith("+86")
                                ? CallMonitor.Result.ok() : CallMonitor.Result.refused("not dialable"));
                    },
                    login -> CompletableFuture.completedFuture("zhao".equals(login) ? Optional.of("PJSIP/2001")
                            : Optional.empty())));

    private CompletionStage<List<DeskCommand>> ask(DeskEvent event) {
        asked.add(event);
        return CompletableFuture.completedFuture(desk.apply(event));
    }

    @Test
    void shouldAnswerAnActionWithTheOrderTheDeskLeftOrItsRefusalInItsWords() {
        // given the desk acknowledging order 42
        StoredDispatch after = dispatch(42, DispatchState.ACKNOWLEDGED, "+8651222337649");
        desk = event -> List.of(new DeskCommand.Field(new FieldCommand.DispatchChanged(after,
                new FieldStep(42, 2, NOW, DUTY, "ACKNOWLEDGED", null))));
        FieldEvent.Acknowledged acknowledged = new FieldEvent.Acknowledged(42, DUTY);

        // then the answer is the desk's new form, and the desk was asked exactly that event
        assertThat(backend.act(acknowledged).join()).isEqualTo(ConsoleBackend.Outcome.changed(after));
        assertThat(asked).containsExactly(new DeskEvent.Field(acknowledged));

        // and a refusal comes back in the desk's words
        desk = event -> List.of(new DeskCommand.Refused("42", "Acknowledged", "order 42 is not waiting for an"
                + " acknowledgement", DUTY));
        assertThat(backend.act(acknowledged).join())
                .isEqualTo(ConsoleBackend.Outcome.refused("order 42 is not waiting for an acknowledgement"));
        // and an action on an order nobody holds, answered with nothing, is refused
        desk = event -> List.of();
        assertThat(backend.act(new FieldEvent.Acknowledged(7, DUTY)).join().refusal()).contains("no dispatch order 7");
    }

    @Test
    void shouldPlaceTheFollowUpCallOnlyForACompletedOrderWithANumberFromTheAccountsPhone() {
        dispatches.restored(List.of(dispatch(42, DispatchState.COMPLETED, "+8651222337649"),
                dispatch(43, DispatchState.ON_SITE, "+8651222337649"), dispatch(44, DispatchState.COMPLETED, null),
                dispatch(45, DispatchState.COMPLETED, "0512-2233")));

        assertThat(backend.callFollowUp(42, "zhao").join().isRefused()).isFalse();
        assertThat(backend.callFollowUp(43, "zhao").join().refusal()).contains("no follow-up due");
        assertThat(backend.callFollowUp(44, "zhao").join().refusal()).contains("no customer number");
        assertThat(backend.callFollowUp(42, "li").join().refusal()).contains("no phone");
        assertThat(backend.callFollowUp(45, "zhao").join().refusal()).isEqualTo("not dialable");
        assertThat(backend.callFollowUp(99, "zhao").join().refusal()).contains("no dispatch order 99");
        assertThat(calls).containsExactly("PJSIP/2001 -> +8651222337649 #42", "PJSIP/2001 -> 0512-2233 #45");
    }

    @Test
    void shouldTakeThePlaceAndRegionFromTheCustomersRecordAtTheAddressGivenOrTheRecords() {
        CustomerRow suzhou = new CustomerRow(12, "C00012", "Suzhou Yongxin Printing", "Jiangsu", "星湖街 1 号",
                31.174823, 120.459511, ContractLevel.values()[0], false, NOW);

        assertThat(CustomerSites.of(Optional.of(suzhou), "  星湖街 88 号 "))
                .isEqualTo(new Site("星湖街 88 号", new GeoPoint(31.174823, 120.459511), "Jiangsu"));
        assertThat(CustomerSites.of(Optional.of(suzhou), " ")).extracting(Site::address).isEqualTo("星湖街 1 号");
        assertThat(CustomerSites.of(Optional.empty(), "walk-in address"))
                .isEqualTo(new Site("walk-in address", null, null));
        assertThatThrownBy(() -> CustomerSites.of(Optional.empty(), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no known customer");
    }

    private static StoredDispatch dispatch(long id, DispatchState state, String number) {
        Site site = new Site("星湖街 88 号", new GeoPoint(31.174823, 120.459511), "Jiangsu");
        DispatchLeg leg = new DispatchLeg(1, "BR-SUZHOU", 18.3, NOW, NOW.plusSeconds(600), null, null);
        FollowUp followUp = state == DispatchState.COMPLETED ? new FollowUp(NOW.plusSeconds(1800), 0, null, null,
                null, null) : null;
        return new StoredDispatch(id, site, "ERP_U8", number, state, NOW, List.of(new BranchChoice("BR-SUZHOU",
                18.3, 0)), List.of(leg), null, null, null, null, null, null, null, followUp, null, null, 0, 1);
    }
}
