package io.hotline.app.field;

import io.hotline.routing.desk.DeskCommand;
import io.hotline.routing.desk.DeskEvent;
import io.hotline.routing.field.DispatchState;
import io.hotline.routing.field.FieldCommand;
import io.hotline.routing.field.FieldDirectory;
import io.hotline.routing.field.FieldEvent;
import io.hotline.routing.field.FieldStep;
import io.hotline.routing.field.StoredDispatch;
import io.hotline.routing.spi.FollowUpCalls;
import io.hotline.web.console.ConsoleBackend;
import io.hotline.web.console.SmsView;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.Supplier;

/**
 * The duty manager's console over the running desk: orders from the consoles' read model ({@link OpenDispatches}),
 * the directory as loaded at start, trail and SMS history from the database on a blocking executor, actions as
 * events offered to the service desk and answered with what the desk emitted for exactly that event, and the
 * follow-up call originated over AMI ({@link FollowUpCalls}) from the account's own phone.
 * <p>
 * Thread-safe: reads are immutable values; the rest completes on the desk's thread or the blocking executor.
 */
public final class EngineConsoleBackend implements ConsoleBackend {

    /**
     * What the backend reads and asks. Immutable.
     *
     * @param dispatches the consoles' read model
     * @param directory  the branches and engineers the desk was given
     * @param desk       asks the service desk: the commands exactly this event emitted
     * @param ready      whether the desk has loaded its work orders and dispatches
     * @param clock      the desk's clock
     */
    public record Wiring(OpenDispatches dispatches, Supplier<FieldDirectory> directory,
                         Function<DeskEvent, CompletionStage<List<DeskCommand>>> desk, BooleanSupplier ready,
                         InstantSource clock) {
        public Wiring {
            Objects.requireNonNull(dispatches, "dispatches");
            Objects.requireNonNull(directory, "directory");
            Objects.requireNonNull(desk, "desk");
            Objects.requireNonNull(ready, "ready");
            Objects.requireNonNull(clock, "clock");
        }
    }

    /**
     * What the console reads from the database, and the follow-up call. Immutable.
     *
     * @param trail    an order's trail, oldest first (blocks)
     * @param sms      the SMS about an order, oldest first (blocks)
     * @param blocking runs the two reads
     * @param calls    originates follow-up calls (refuses without AMI)
     * @param phones   each login's own phone, empty when the account has none
     */
    public record Records(LongFunction<List<FieldStep>> trail, LongFunction<List<SmsView>> sms, Executor blocking,
                          FollowUpCalls calls, Function<String, CompletionStage<Optional<String>>> phones) {
        public Records {
            Objects.requireNonNull(trail, "trail");
            Objects.requireNonNull(sms, "sms");
            Objects.requireNonNull(blocking, "blocking");
            Objects.requireNonNull(calls, "calls");
            Objects.requireNonNull(phones, "phones");
        }
    }

    private final Wiring wiring;
    private final Records records;

    public EngineConsoleBackend(Wiring wiring, Records records) {
        this.wiring = Objects.requireNonNull(wiring, "wiring");
        this.records = Objects.requireNonNull(records, "records");
    }

    @Override
    public boolean ready() {
        return wiring.ready().getAsBoolean();
    }

    @Override
    public Instant now() {
        return wiring.clock().instant();
    }

    @Override
    public FieldDirectory directory() {
        return wiring.directory().get();
    }

    @Override
    public List<StoredDispatch> orders(String branchCode) {
        return wiring.dispatches().ofBranch(branchCode);
    }

    @Override
    public List<StoredDispatch> openOrders() {
        return wiring.dispatches().all().stream().filter(dispatch -> dispatch.state() != DispatchState.CLOSED
                && dispatch.state() != DispatchState.CANCELLED).toList();
    }

    @Override
    public Optional<StoredDispatch> order(long workOrderId) {
        return wiring.dispatches().order(workOrderId);
    }

    @Override
    public CompletableFuture<List<FieldStep>> trail(long workOrderId) {
        return CompletableFuture.supplyAsync(() -> records.trail().apply(workOrderId), records.blocking());
    }

    @Override
    public CompletableFuture<List<SmsView>> sms(long workOrderId) {
        return CompletableFuture.supplyAsync(() -> records.sms().apply(workOrderId), records.blocking());
    }

    @Override
    public CompletableFuture<Outcome> act(FieldEvent event) {
        return wiring.desk().apply(new DeskEvent.Field(event)).toCompletableFuture()
                .thenApply(commands -> outcome(event.workOrderId(), commands));
    }

    /** The desk's refusal, else the order as the desk's change left it, else as the read model holds it. */
    Outcome outcome(long workOrderId, List<DeskCommand> commands) {
        StoredDispatch after = null;
        for (DeskCommand command : commands) {
            if (command instanceof DeskCommand.Refused refused) {
                return Outcome.refused(refused.reason());
            }
            if (command instanceof DeskCommand.Field field
                    && field.command() instanceof FieldCommand.DispatchChanged changed
                    && changed.dispatch().workOrderId() == workOrderId) {
                after = changed.dispatch();
            }
        }
        if (after != null) {
            return Outcome.changed(after);
        }
        return order(workOrderId).map(Outcome::changed)
                .orElseGet(() -> Outcome.refused("there is no dispatch order " + workOrderId));
    }

    @Override
    public CompletableFuture<Outcome> callFollowUp(long workOrderId, String login) {
        Optional<StoredDispatch> order = order(workOrderId);
        if (order.isEmpty()) {
            return CompletableFuture.completedFuture(Outcome.refused("there is no dispatch order " + workOrderId));
        }
        StoredDispatch dispatch = order.get();
        if (dispatch.state() != DispatchState.COMPLETED || dispatch.followUp() == null) {
            return CompletableFuture.completedFuture(Outcome.refused("dispatch order " + workOrderId
                    + " has no follow-up due (it is " + dispatch.state() + ")"));
        }
        if (dispatch.contactNumber() == null || dispatch.contactNumber().isBlank()) {
            return CompletableFuture.completedFuture(Outcome.refused("dispatch order " + workOrderId
                    + " has no customer number to call"));
        }
        return records.phones().apply(login).thenCompose(phone -> {
            if (phone.isEmpty()) {
                return CompletableFuture.completedFuture(Outcome.refused("your account has no phone to ring first:"
                        + " an admin sets it"));
            }
            return records.calls().call(phone.get(), dispatch.contactNumber(), workOrderId).thenApply(result ->
                    result.accepted() ? Outcome.changed(order(workOrderId).orElse(dispatch))
                            : Outcome.refused(result.reason()));
        }).toCompletableFuture();
    }
}
