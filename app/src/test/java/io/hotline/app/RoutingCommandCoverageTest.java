package io.hotline.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotline.persistence.outbox.DurableRoutingJournal;
import io.hotline.routing.engine.Explanation;
import io.hotline.routing.engine.RoutingCommand;
import io.hotline.routing.spi.CallControl;
import io.hotline.routing.spi.CallbackAttempts;
import io.hotline.routing.spi.RoutingJournal;
import io.hotline.routing.spi.SeatRequestAnswers;
import io.hotline.telephony.ami.AmiCallControl;
import io.hotline.telephony.scripts.SeatRequests;
import io.hotline.telephony.scripts.WaitingCallers;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every {@link RoutingCommand} type the engine can emit reaches an implementation that carries it out in the
 * assembled application: one of each permitted type goes through the real {@link RoutingCommandDispatcher}, whose
 * ports are recording proxies (the outer edge only). Each type reaches at least one port method (an offer or an
 * escalation reaches two: the telephone system and the journal), and every port method reached must be declared,
 * not inherited as a do-nothing {@code default}, by every class Hotline wires for that port ({@link Hotline}:
 * {@link AmiCallControl} with AMI, {@link WaitingCallers} without; {@link DurableRoutingJournal};
 * {@link SeatRequests}). A new command type that the dispatcher does not know, or that lands on a default, fails
 * here.
 */
class RoutingCommandCoverageTest {
    private static final Map<Class<?>, List<Class<?>>> WIRED = Map.of(
            CallControl.class, List.of(AmiCallControl.class, WaitingCallers.class),
            RoutingJournal.class, List.of(DurableRoutingJournal.class),
            SeatRequestAnswers.class, List.of(SeatRequests.class),
            CallbackAttempts.class, List.of(CallbackScheduler.class));

    @Test
    void shouldCarryOutEveryRoutingCommandTypeInTheAssembledApplication() throws NoSuchMethodException {
        List<Method> reached = new ArrayList<>();
        CallControl calls = recording(CallControl.class, reached);
        RoutingJournal journal = recording(RoutingJournal.class, reached);
        SeatRequestAnswers seatAnswers = recording(SeatRequestAnswers.class, reached);
        CallbackAttempts callbackAttempts = recording(CallbackAttempts.class, reached);
        RoutingCommandDispatcher dispatcher = new RoutingCommandDispatcher(calls, journal, seatAnswers,
                RecordingPorts.deskFeed(), callbackAttempts);

        Set<String> gaps = new TreeSet<>();
        Class<?>[] types = RoutingCommand.class.getPermittedSubclasses();
        assertThat(types).isNotEmpty();
        for (Class<?> type : types) {
            reached.clear();
            dispatcher.dispatch(sample(type));
            // a command may be carried out by several ports (an offer rings the seat and is kept), each once
            assertThat(reached).as("port methods %s reached", type.getSimpleName()).isNotEmpty()
                    .doesNotHaveDuplicates();
            for (Method method : reached) {
                assertThat(method.getParameterTypes()).as(type.getSimpleName()).containsExactly(type);
                for (Class<?> implementation : WIRED.get(method.getDeclaringClass())) {
                    if (implementation.getMethod(method.getName(), method.getParameterTypes()).isDefault()) {
                        gaps.add(type.getSimpleName() + " -> " + implementation.getSimpleName() + "."
                                + method.getName());
                    }
                }
            }
        }

        assertThat(gaps).as("command types that reach a do-nothing default").isEmpty();
        assertThat(CallControl.class.getMethods()).as("CallControl has no defaults left")
                .noneMatch(Method::isDefault);
    }

    private static <T> T recording(Class<T> port, List<Method> reached) {
        return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port},
                (proxy, method, arguments) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return method.getName().equals("equals") ? proxy == arguments[0]
                                : method.getName().equals("hashCode") ? System.identityHashCode(proxy) : port.getName();
                    }
                    reached.add(method);
                    return null;
                }));
    }

    /** One instance of the command {@code type}, every component given a plain valid value. */
    private static RoutingCommand sample(Class<?> type) {
        return (RoutingCommand) sampleRecord(type);
    }

    /** One instance of the record {@code type} (a command or one of its components), with plain valid values. */
    private static Object sampleRecord(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] parameterTypes = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            parameterTypes[i] = components[i].getType();
            values[i] = valueOf(parameterTypes[i]);
        }
        try {
            return type.getDeclaredConstructor(parameterTypes).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot make a sample " + type.getName(), e);
        }
    }

    private static Object valueOf(Class<?> type) {
        if (type == String.class) {
            return "x";
        }
        if (type == Duration.class) {
            return Duration.ofSeconds(1);
        }
        if (type == Instant.class) {
            return Instant.EPOCH;
        }
        if (type == Explanation.class) {
            return Explanation.of("x");
        }
        if (type == boolean.class || type == Boolean.class) {
            return false;
        }
        if (type == int.class || type == Integer.class) {
            return 1;
        }
        if (type == long.class || type == Long.class) {
            return 1L;
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[0];
        }
        if (type.isRecord()) {
            return sampleRecord(type);
        }
        throw new AssertionError("no sample value for a component of type " + type.getName());
    }
}
