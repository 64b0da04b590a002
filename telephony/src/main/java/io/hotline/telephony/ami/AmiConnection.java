package io.hotline.telephony.ami;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.asteriskjava.manager.AuthenticationFailedException;
import org.asteriskjava.manager.DefaultManagerConnection;
import org.asteriskjava.manager.EventTimeoutException;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.ManagerEventListener;
import org.asteriskjava.manager.ResponseEvents;
import org.asteriskjava.manager.TimeoutException;
import org.asteriskjava.manager.action.CoreShowChannelsAction;
import org.asteriskjava.manager.action.HangupAction;
import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.action.PingAction;
import org.asteriskjava.manager.action.RedirectAction;
import org.asteriskjava.manager.event.CoreShowChannelEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.ResponseEvent;
import org.asteriskjava.manager.response.ManagerResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One supervised AMI connection to one Asterisk server, over asterisk-java's {@link ManagerConnection}.
 * <ul>
 *   <li>The first login retries with doubling backoff ({@link AmiServerConfig#retryDelay}) until it succeeds or
 *       the connection is closed: asterisk-java alone gives up after a failed first login. After a successful
 *       login asterisk-java reconnects by itself (one thread per loss, gone once connected).
 *   <li>An idle connection pings every {@link AmiServerConfig#pingInterval()}, and the socket's read timeout is
 *       three of those, so a half-open socket is noticed and the reconnect starts.
 *   <li>The listener runs on asterisk-java's event pump: it only translates ({@link AmiEventTranslator}) and
 *       offers to the {@link AmiEventSink}; it never blocks and never sends an action.
 *   <li>After every login, on {@code FullyBooted} (Asterisk restarted under a live connection) and every
 *       {@link AmiServerConfig#resyncInterval()} while connected (events asterisk-java dropped), the connection
 *       resynchronises from its own thread: {@link AmiEvent.ResyncStarted}, then {@code CoreShowChannels} as one
 *       {@link AmiEvent.ChannelsListed}, then {@code DeviceStateList}, whose items arrive as device state events.
 *       Nothing is replayed after a reconnect, so this is how Hotline learns what happened while it was blind.
 *   <li>Actions ({@link #send}, {@link #redirect}, {@link #originate}, {@link #hangup}) go out from this
 *       connection's own thread ({@code ami-<server>}) with the configured timeout and complete a future; nothing
 *       waits on the pump.
 * </ul>
 * The secret is handed to asterisk-java and appears nowhere else: not in logs, not in {@link #toString()}.
 */
public final class AmiConnection implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AmiConnection.class);

    private final AmiServerConfig config;
    private final AmiEventSink sink;
    private final AmiObserver observer;
    private final AmiEventTranslator translator;
    private final DefaultManagerConnection connection;
    private final ScheduledExecutorService worker;
    private final ManagerEventListener listener = this::onEvent;
    private final AtomicInteger failedLogins = new AtomicInteger();
    private volatile boolean closed;
    private volatile boolean everConnected;
    private volatile boolean connected;

    /** A connection to {@code config}'s server, not yet started. */
    public AmiConnection(AmiServerConfig config, AmiEventSink sink, AmiObserver observer) {
        this.config = Objects.requireNonNull(config, "config");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.observer = Objects.requireNonNull(observer, "observer");
        this.translator = new AmiEventTranslator(config.name());
        this.connection = new DefaultManagerConnection(config.host(), config.port(), config.username(),
                config.secret());
        connection.setDefaultResponseTimeout(config.actionTimeout().toMillis());
        connection.setSocketTimeout((int) config.actionTimeout().toMillis());
        connection.setSocketReadTimeout((int) config.readTimeout().toMillis());
        connection.setKeepAliveAfterAuthenticationFailure(true);
        // DeviceStateList items carry an ActionID asterisk-java's DeviceStateChangeEvent has no setter for.
        connection.registerUserEventClass(DeviceStateListItemEvent.class);
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "ami-" + config.name());
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        this.worker = executor;
    }

    /** Starts logging in (in the background, retrying) and pinging. Returns at once. */
    public void start() {
        connection.addEventListener(listener);
        worker.execute(this::attemptLogin);
        long ping = config.pingInterval().toMillis();
        worker.scheduleWithFixedDelay(this::ping, ping, ping, TimeUnit.MILLISECONDS);
        long resync = config.resyncInterval().toMillis();
        worker.scheduleWithFixedDelay(() -> resync(true), resync, resync, TimeUnit.MILLISECONDS);
    }

    /** The server's name. */
    public String server() {
        return config.name();
    }

    /** Whether the connection is logged in now. */
    public boolean isConnected() {
        return connected && connection.getState() == ManagerConnectionState.CONNECTED;
    }

    /** Failed login attempts since start (the first login only; later reconnects are asterisk-java's). */
    public int failedLogins() {
        return failedLogins.get();
    }

    /**
     * Sends {@code action} from this connection's thread; the future completes with Asterisk's response, or
     * fails when not connected, on an I/O error or after the action timeout.
     */
    public CompletableFuture<ManagerResponse> send(ManagerAction action) {
        CompletableFuture<ManagerResponse> result = new CompletableFuture<>();
        if (closed) {
            result.completeExceptionally(new IllegalStateException("AMI connection to " + config.name()
                    + " is closed"));
            return result;
        }
        worker.execute(() -> {
            if (!isConnected()) {
                result.completeExceptionally(new IllegalStateException("AMI " + config.name() + " is not connected"));
                return;
            }
            try {
                connection.sendAction(action, result::complete);
            } catch (IOException | RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result.orTimeout(config.actionTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((response, error) -> observer.actionDone(config.name(), action.getAction(),
                        outcome(response, error)));
    }

    private static String outcome(ManagerResponse response, Throwable error) {
        if (error instanceof java.util.concurrent.TimeoutException) {
            return "timeout";
        }
        if (error != null) {
            return "failed";
        }
        return "Success".equalsIgnoreCase(response.getResponse()) ? "success" : "error";
    }

    /** Moves a live channel to {@code context,exten,1} (e.g. the caller to the tier-2 escalation context). */
    public CompletableFuture<ManagerResponse> redirect(String channel, String context, String exten) {
        return send(new RedirectAction(channel, context, exten, 1));
    }

    /** Places an outbound call asynchronously; Asterisk reports the outcome in an {@code OriginateResponse} event. */
    public CompletableFuture<ManagerResponse> originate(AmiOriginate call) {
        OriginateAction action = new OriginateAction();
        action.setChannel(call.channel());
        action.setContext(call.context());
        action.setExten(call.exten());
        action.setPriority(1);
        action.setChannelId(call.channelId());
        if (call.callerId() != null) {
            action.setCallerId(call.callerId());
        }
        action.setVariables(call.variables());
        action.setTimeout(call.ringTimeout().toMillis());
        action.setAsync(Boolean.TRUE);
        return send(action);
    }

    /**
     * Hangs up {@code channel} without a cause, as recording 17 does for a ringing seat leg: the caller's Dial then
     * returns {@code DIALSTATUS=CHANUNAVAIL}.
     */
    public CompletableFuture<ManagerResponse> hangup(String channel) {
        return send(new HangupAction(channel));
    }

    /** Hangs up {@code channel} with Q.850 {@code cause} (16 normal clearing). */
    public CompletableFuture<ManagerResponse> hangup(String channel, int cause) {
        return send(new HangupAction(channel, cause));
    }

    private void resync(boolean periodic) {
        if (closed || !isConnected()) {
            return;
        }
        offer(new AmiEvent.ResyncStarted(config.name()), "ResyncStarted");
        try {
            ResponseEvents listed = connection.sendEventGeneratingAction(new CoreShowChannelsAction(),
                    config.actionTimeout().toMillis());
            List<LiveChannel> channels = new ArrayList<>();
            for (ResponseEvent item : listed.getEvents()) {
                if (item instanceof CoreShowChannelEvent channel && channel.getUniqueid() != null
                        && channel.getChannel() != null) {
                    channels.add(new LiveChannel(channel.getUniqueid(), channel.getLinkedid(), channel.getChannel()));
                }
            }
            offer(new AmiEvent.ChannelsListed(config.name(), channels), "ChannelsListed");
            connection.sendAction(new DeviceStateListAction(), response -> { });
            if (periodic) {
                LOG.debug("AMI {}: periodic resync, {} live channels", config.name(), channels.size());
            } else {
                LOG.info("AMI {}: resynchronised, {} live channels", config.name(), channels.size());
            }
            observer.resynced(config.name(), channels.size());
        } catch (IOException | EventTimeoutException | RuntimeException e) {
            long delay = config.retryDelay(1).toMillis();
            LOG.warn("AMI {}: resync failed ({}); again in {} ms", config.name(), e.toString(), delay);
            if (!closed) {
                worker.schedule(() -> resync(periodic), delay, TimeUnit.MILLISECONDS);
            }
        }
    }

    private void resyncSoon() {
        try {
            worker.execute(() -> resync(false));
        } catch (RejectedExecutionException closing) {
            // closed while the event was on its way: nothing to resynchronise
        }
    }

    private void offer(AmiEvent event, String type) {
        if (!sink.offer(event)) {
            observer.dropped(config.name(), type);
        }
    }

    private void attemptLogin() {
        if (closed) {
            return;
        }
        try {
            connection.login();
            failedLogins.set(0);
        } catch (IOException | AuthenticationFailedException | TimeoutException | IllegalStateException e) {
            retryLogin(e);
        }
    }

    private void retryLogin(Exception e) {
        int attempt = failedLogins.incrementAndGet();
        long delay = config.retryDelay(attempt).toMillis();
        // The exception's message names host and port, never the secret.
        LOG.warn("AMI {}: login to {}:{} as {} failed ({}: {}); attempt {} in {} ms", config.name(),
                config.host(), config.port(), config.username(), e.getClass().getSimpleName(), e.getMessage(),
                attempt + 1, delay);
        if (e instanceof AuthenticationFailedException) {
            observer.loginFailed(config.name());
        } else {
            // Asterisk down, refused or silent: not a login Asterisk turned down.
            observer.connectFailed(config.name());
        }
        if (!closed) {
            worker.schedule(this::attemptLogin, delay, TimeUnit.MILLISECONDS);
        }
    }

    private void ping() {
        if (isConnected()) {
            try {
                connection.sendAction(new PingAction(), response -> { });
            } catch (IOException | RuntimeException e) {
                LOG.debug("AMI {}: ping failed: {}", config.name(), e.toString());
            }
        }
    }

    private void onEvent(ManagerEvent event) {
        String type = typeOf(event);
        Date received = event.getDateReceived();
        long lag = received == null ? 0 : Math.max(0, System.currentTimeMillis() - received.getTime());
        observer.event(config.name(), type, lag);
        AmiEvent translated = translator.translate(event);
        if (translated == null) {
            observer.ignored(config.name(), type);
            return;
        }
        if (translated instanceof AmiEvent.Connected) {
            boolean reconnect = everConnected;
            everConnected = true;
            connected = true;
            LOG.info("AMI {}: connected to {}:{}{}", config.name(), config.host(), config.port(),
                    reconnect ? " again" : "");
            observer.connected(config.name(), reconnect);
            resyncSoon();
        } else if (translated instanceof AmiEvent.FullyBooted && connected) {
            resyncSoon();
        } else if (translated instanceof AmiEvent.Disconnected) {
            connected = false;
            LOG.warn("AMI {}: connection to {}:{} lost; reconnecting", config.name(), config.host(), config.port());
            observer.disconnected(config.name());
        }
        offer(translated, type);
    }

    /** Asterisk's name of the event: asterisk-java's {@code HangupEvent} is {@code Hangup}. */
    static String typeOf(ManagerEvent event) {
        String name = event.getClass().getSimpleName();
        return name.endsWith("Event") && name.length() > "Event".length()
                ? name.substring(0, name.length() - "Event".length()) : name;
    }

    /** Logs off (if connected) and stops every thread this connection started. */
    @Override
    public void close() {
        closed = true;
        worker.shutdownNow();
        connection.removeEventListener(listener);
        connected = false;
        if (connection.getState() == ManagerConnectionState.CONNECTED
                || connection.getState() == ManagerConnectionState.RECONNECTING) {
            connection.logoff();
        }
    }

    @Override
    public String toString() {
        return "AmiConnection[" + config + (isConnected() ? ", connected" : ", not connected") + "]";
    }
}
