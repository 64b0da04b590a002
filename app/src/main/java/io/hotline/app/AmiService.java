package io.hotline.app;

import io.hotline.ops.metrics.HotlineMeters;
import io.hotline.routing.seat.DeviceState;
import io.hotline.routing.spi.ComponentHealth;
import io.hotline.routing.spi.HealthCheck;
import io.hotline.telephony.ami.AmiConnection;
import io.hotline.telephony.ami.AmiObserver;
import io.hotline.telephony.ami.AmiServerConfig;
import io.hotline.telephony.ami.PbxView;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The AMI side of Hotline: one {@link AmiConnection} per configured Asterisk server, all feeding one
 * {@link PbxView}, which hands seat device states and caller hang-ups to the routing inbox. Connections log in in
 * the background and keep retrying, so an Asterisk that is down at startup delays nothing: {@code /health} shows
 * {@code ami} DOWN until it answers. Start and close from the lifecycle thread.
 */
final class AmiService implements AutoCloseable {
    private final List<AmiConnection> connections;
    private final PbxView view;

    private AmiService(List<AmiConnection> connections, PbxView view) {
        this.connections = connections;
        this.view = view;
    }

    /**
     * Connects to every server in {@code servers}; {@code seatDevices} maps each seat's softphone device
     * ({@code PJSIP/1001}) to its seat code.
     */
    static AmiService start(List<AmiServerConfig> servers, Map<String, String> seatDevices, RoutingService routing,
                            MeterRegistry registry) {
        PbxView view = new PbxView(routing::offer);
        seatDevices.forEach(view::seat);
        FunctionCounter.builder(HotlineMeters.AMI_RECONCILED_HANGUPS.meterName(), view, PbxView::reconciledHangups)
                .description(HotlineMeters.AMI_RECONCILED_HANGUPS.description()).register(registry);
        for (DeviceState state : DeviceState.values()) {
            Gauge.builder(HotlineMeters.AMI_SEAT_DEVICES.meterName(), view,
                            pbx -> pbx.seatDevices().getOrDefault(state, 0))
                    .description(HotlineMeters.AMI_SEAT_DEVICES.description())
                    .tags(HotlineMeters.AMI_SEAT_DEVICES.tags("device", state.name())).register(registry);
        }
        List<AmiConnection> connections = new ArrayList<>();
        for (AmiServerConfig server : servers) {
            AmiConnection connection = new AmiConnection(server, view, observer(server.name(), registry));
            Gauge.builder(HotlineMeters.AMI_CONNECTED.meterName(), connection, up -> up.isConnected() ? 1 : 0)
                    .description(HotlineMeters.AMI_CONNECTED.description())
                    .tags(HotlineMeters.AMI_CONNECTED.tags("server", server.name())).register(registry);
            connections.add(connection);
            connection.start();
        }
        return new AmiService(List.copyOf(connections), view);
    }

    /** {@code ami}: UP when every server is logged in, DOWN naming those that are not. */
    HealthCheck healthCheck() {
        return new HealthCheck() {
            @Override
            public String component() {
                return "ami";
            }

            @Override
            public ComponentHealth check() {
                Map<String, Object> details = new LinkedHashMap<>();
                List<String> down = new ArrayList<>();
                for (AmiConnection connection : connections) {
                    details.put(connection.server(), connection.isConnected() ? "connected"
                            : "not connected (" + connection.failedLogins() + " failed logins)");
                    if (!connection.isConnected()) {
                        down.add(connection.server());
                    }
                }
                if (!down.isEmpty()) {
                    return ComponentHealth.down("not logged in to " + String.join(", ", down) + "; retrying");
                }
                return ComponentHealth.up(connections.size() + " Asterisk server(s) connected", details);
            }
        };
    }

    /** What the view handed on, for tests and diagnostics. */
    PbxView view() {
        return view;
    }

    /** The connections, one per server, for the AMI actions of {@link io.hotline.telephony.ami.AmiCallControl}. */
    List<AmiConnection> connections() {
        return connections;
    }

    private static AmiObserver observer(String server, MeterRegistry registry) {
        Counter reconnects = counter(HotlineMeters.AMI_RECONNECTS, server, registry);
        Counter loginFailures = counter(HotlineMeters.AMI_LOGIN_FAILURES, server, registry);
        Counter connectFailures = counter(HotlineMeters.AMI_CONNECT_FAILURES, server, registry);
        Counter ignored = counter(HotlineMeters.AMI_EVENTS_IGNORED, server, registry);
        Counter dropped = counter(HotlineMeters.AMI_EVENTS_DROPPED, server, registry);
        Timer lag = Timer.builder(HotlineMeters.AMI_EVENT_LAG.meterName())
                .description(HotlineMeters.AMI_EVENT_LAG.description())
                .tags(HotlineMeters.AMI_EVENT_LAG.tags("server", server)).register(registry);
        Map<String, Counter> byType = new ConcurrentHashMap<>();
        Map<String, Counter> actions = new ConcurrentHashMap<>();
        return new AmiObserver() {
            @Override
            public void connected(String name, boolean reconnect) {
                if (reconnect) {
                    reconnects.increment();
                }
            }

            @Override
            public void loginFailed(String name) {
                loginFailures.increment();
            }

            @Override
            public void connectFailed(String name) {
                connectFailures.increment();
            }

            @Override
            public void actionDone(String name, String action, String outcome) {
                actions.computeIfAbsent(action + "/" + outcome, key -> Counter.builder(
                                HotlineMeters.AMI_ACTIONS.meterName())
                        .description(HotlineMeters.AMI_ACTIONS.description())
                        .tags(HotlineMeters.AMI_ACTIONS.tags("server", server, "action", action, "outcome", outcome))
                        .register(registry)).increment();
            }

            @Override
            public void event(String name, String type, long lagMillis) {
                byType.computeIfAbsent(type, key -> Counter.builder(HotlineMeters.AMI_EVENTS.meterName())
                        .description(HotlineMeters.AMI_EVENTS.description())
                        .tags(HotlineMeters.AMI_EVENTS.tags("server", server, "type", key)).register(registry))
                        .increment();
                lag.record(lagMillis, TimeUnit.MILLISECONDS);
            }

            @Override
            public void ignored(String name, String type) {
                ignored.increment();
            }

            @Override
            public void dropped(String name, String type) {
                dropped.increment();
            }
        };
    }

    private static Counter counter(HotlineMeters meter, String server, MeterRegistry registry) {
        return Counter.builder(meter.meterName()).description(meter.description())
                .tags(meter.tags("server", server)).register(registry);
    }

    /** Logs off from every server and stops the connections' threads. */
    @Override
    public void close() {
        connections.forEach(AmiConnection::close);
    }
}
