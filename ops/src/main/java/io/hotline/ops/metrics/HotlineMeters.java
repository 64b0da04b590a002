package io.hotline.ops.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Every meter Hotline registers, with its name, description, base unit and the only tag keys it may carry.
 * Register meters through these constants (for example
 * {@code Gauge.builder(HEALTH_COMPONENT_UP.meterName(), ...).tags(HEALTH_COMPONENT_UP.tags("component", name))})
 * so that names stay consistent and no unbounded tag, such as a call id, slips in: {@link #tags(String...)}
 * rejects keys the meter does not declare. Immutable and thread-safe.
 */
public enum HotlineMeters {
    /** 1 while a component is UP, 0 while starting or down; no series while it is DISABLED (not configured). */
    HEALTH_COMPONENT_UP("hotline.health.component.up", Meter.Type.GAUGE, null,
            "Whether a health-checked component is up (1) or starting or down (0); absent while disabled.",
            TagKey.COMPONENT),
    /** Every HTTP request answered, by route name (never the raw path) and status code. */
    HTTP_REQUESTS("hotline.http.requests", Meter.Type.TIMER, null,
            "HTTP requests answered, by route and status.", TagKey.ROUTE, TagKey.STATUS),
    /** WebSocket push connections open now (web's {@code PushHub.connections()}). */
    PUSH_CONNECTIONS("hotline.push.connections", Meter.Type.GAUGE, null, "WebSocket push connections open."),
    /** Push connections closed as slow consumers, since start (web's {@code PushHub.droppedConnections()}). */
    PUSH_DROPPED("hotline.push.dropped", Meter.Type.COUNTER, null,
            "Push connections closed with 1013 because too much was queued for them (slow consumers)."),
    /** Schema migrations applied to the database so far. */
    DB_MIGRATIONS_APPLIED("hotline.db.migrations.applied", Meter.Type.GAUGE, null,
            "Schema migrations applied to the database."),
    /** Connections of the database pool in use now. */
    DB_POOL_ACTIVE("hotline.db.pool.active", Meter.Type.GAUGE, null,
            "Connections of the database pool in use."),
    /** Threads waiting for a connection of the database pool now: above 0 the pool is the bottleneck. */
    DB_POOL_WAITING("hotline.db.pool.waiting", Meter.Type.GAUGE, null,
            "Threads waiting for a connection of the database pool."),
    /** Callers waiting in a queue now. */
    ROUTING_QUEUE_WAITING("hotline.routing.queue.waiting", Meter.Type.GAUGE, null,
            "Callers waiting in the queue.", TagKey.QUEUE),
    /** How long the longest-waiting caller of a queue has waited. */
    ROUTING_QUEUE_LONGEST_WAIT("hotline.routing.queue.longest.wait", Meter.Type.GAUGE, "seconds",
            "How long the longest-waiting caller in the queue has waited.", TagKey.QUEUE),
    /** Answered within the queue's threshold / answered, since start (1 before the first answer). */
    ROUTING_QUEUE_SERVICE_LEVEL("hotline.routing.queue.service.level", Meter.Type.GAUGE, "ratio",
            "Share of answered calls answered within the queue's service-level threshold.", TagKey.QUEUE),
    /** Answered within the queue's threshold / (answered + abandoned), since start. */
    ROUTING_QUEUE_SERVICE_LEVEL_WITH_ABANDONS("hotline.routing.queue.service.level.with.abandons", Meter.Type.GAUGE,
            "ratio", "Share of answered and abandoned calls answered within the service-level threshold.",
            TagKey.QUEUE),
    /** Calls that reached a seat, since start. */
    ROUTING_QUEUE_ANSWERED("hotline.routing.queue.answered", Meter.Type.COUNTER, null,
            "Calls from the queue that reached a seat.", TagKey.QUEUE),
    /** Callers who left a queue before reaching a seat, since start. */
    ROUTING_QUEUE_ABANDONED("hotline.routing.queue.abandoned", Meter.Type.COUNTER, null,
            "Callers who left the queue before reaching a seat.", TagKey.QUEUE),
    /** Average speed of answer: the mean wait of answered calls, since start. */
    ROUTING_QUEUE_ASA("hotline.routing.queue.asa", Meter.Type.GAUGE, "seconds",
            "Average speed of answer: mean wait of the queue's answered calls.", TagKey.QUEUE),
    /** Seats by tier and state; one series per seat tier and state. */
    ROUTING_SEATS("hotline.routing.seats", Meter.Type.GAUGE, null,
            "Seats in each tier and state.", TagKey.TIER, TagKey.STATE),
    /** Seats busy with calls / seats available for calls, now (docs/figures.md, "occupancy"). */
    ROUTING_OCCUPANCY("hotline.routing.occupancy", Meter.Type.GAUGE, "ratio",
            "Seats RESERVED, ON_CALL or WRAP_UP / seats logged in and not NOT_READY; 0 with no such seat."),
    /** Calls that joined a queue, since start (the configured queues only). */
    ROUTING_QUEUE_OFFERED("hotline.routing.queue.offered", Meter.Type.COUNTER, null,
            "Calls that joined the queue.", TagKey.QUEUE),
    /** The time the routing thread took to apply one event and decide (offers, moves, records). */
    ROUTING_DECISION("hotline.routing.decision", Meter.Type.TIMER, null,
            "Time the routing engine took to apply one event and decide what follows."),
    /** Talk time of each conversation that ended, since start. */
    CALLS_TALK("hotline.calls.talk", Meter.Type.TIMER, null,
            "Talk time of ended conversations: from a seat's answer to the end of the call."),
    /** Time seats spent in WRAP_UP after a call, since start. */
    SEATS_WRAP_UP("hotline.seats.wrap.up", Meter.Type.TIMER, null,
            "Time a seat spent in WRAP_UP after a call."),
    /** Work orders the service desk holds now, by state. */
    DESK_WORK_ORDERS("hotline.desk.work.orders", Meter.Type.GAUGE, null,
            "Work orders the service desk holds, by state.", TagKey.STATE),
    /** SLA clock warnings fired, since start, by clock and level (BREACH is a breach). */
    DESK_SLA_WARNINGS("hotline.desk.sla.warnings", Meter.Type.COUNTER, null,
            "SLA clock warnings fired, by clock and level (HALF, THREE_QUARTERS, BREACH).", TagKey.CLOCK,
            TagKey.LEVEL),
    /** Dispatch order steps taken, since start, by step. */
    FIELD_DISPATCH_STEPS("hotline.field.dispatch.steps", Meter.Type.COUNTER, null,
            "Dispatch order steps: sent to a branch, acknowledged, assigned, arrived, completed, followed up.",
            TagKey.STEP),
    /** Time from sending an AGI command to Asterisk's reply. */
    AGI_COMMAND("hotline.agi.command", Meter.Type.TIMER, null,
            "Time from sending a FastAGI command to Asterisk's reply."),
    /** Today's calls that joined a queue (records). */
    TODAY_CALLS_OFFERED("hotline.today.calls.offered", Meter.Type.GAUGE, null,
            "Today's calls that joined the queue (call records).", TagKey.QUEUE),
    /** Today's offered calls a seat answered, by the answering seat's tier (records). */
    TODAY_CALLS_ANSWERED("hotline.today.calls.answered", Meter.Type.GAUGE, null,
            "Today's calls of the queue a seat answered, by the seat's tier (call records).", TagKey.QUEUE,
            TagKey.TIER),
    /** Today's offered calls whose caller hung up before a seat answered (records). */
    TODAY_CALLS_ABANDONED("hotline.today.calls.abandoned", Meter.Type.GAUGE, null,
            "Today's calls of the queue abandoned before a seat answered (call records).", TagKey.QUEUE),
    /** Today's service level: answered within the threshold / answered (records). */
    TODAY_SERVICE_LEVEL("hotline.today.service.level", Meter.Type.GAUGE, "ratio",
            "Today's answered within the queue's threshold / answered; 1 when none was answered.", TagKey.QUEUE),
    /** Today's service level with abandons: answered within the threshold / (answered + abandoned) (records). */
    TODAY_SERVICE_LEVEL_WITH_ABANDONS("hotline.today.service.level.with.abandons", Meter.Type.GAUGE, "ratio",
            "Today's answered within the queue's threshold / (answered + abandoned); 1 when both are 0.",
            TagKey.QUEUE),
    /** Today's average speed of answer (records). */
    TODAY_ASA("hotline.today.asa", Meter.Type.GAUGE, "seconds",
            "Today's average speed of answer: mean wait of the queue's answered calls (call records).", TagKey.QUEUE),
    /** Today's mean talk time (records). */
    TODAY_TALK("hotline.today.talk", Meter.Type.GAUGE, "seconds",
            "Today's mean talk time of the queue's answered and ended calls (call records).", TagKey.QUEUE),
    /** Work orders opened today, by their state and severity now (records). */
    TODAY_WORK_ORDERS("hotline.today.work.orders", Meter.Type.GAUGE, null,
            "Work orders opened today, by their state and severity now (work orders).", TagKey.STATE,
            TagKey.SEVERITY),
    /** SLA warnings (50 %, 75 %) fired today, by clock (records). */
    TODAY_SLA_WARNINGS("hotline.today.sla.warnings", Meter.Type.GAUGE, null,
            "SLA clock warnings (50 % and 75 %) fired today, by clock (notifications).", TagKey.CLOCK),
    /** SLA clocks breached today, by clock (records). */
    TODAY_SLA_BREACHES("hotline.today.sla.breaches", Meter.Type.GAUGE, null,
            "SLA clocks breached today, by clock (notifications).", TagKey.CLOCK),
    /** Dispatch order steps taken today, by step (records). */
    TODAY_DISPATCH_STEPS("hotline.today.dispatch.steps", Meter.Type.GAUGE, null,
            "Dispatch order steps taken today, by step (field steps).", TagKey.STEP),
    /** Today's mean satisfaction score 1-5 (records); NaN with no answered survey. */
    TODAY_SATISFACTION("hotline.today.satisfaction", Meter.Type.GAUGE, null,
            "Today's mean satisfaction score (1-5) of the surveys and follow-ups answered; NaN with none."),
    /** Surveys and follow-ups answered today (records). */
    TODAY_SURVEYS("hotline.today.surveys", Meter.Type.GAUGE, null,
            "Surveys and field follow-ups answered today with a score."),
    /** Work orders first resolved today (records). */
    TODAY_RESOLVED("hotline.today.resolved", Meter.Type.GAUGE, null,
            "Work orders first resolved today (the denominator of the next two)."),
    /** First-contact resolution of the work orders resolved today (records). */
    TODAY_FIRST_CONTACT_RESOLUTION("hotline.today.first.contact.resolution", Meter.Type.GAUGE, "ratio",
            "Share of today's resolved work orders resolved on their first contact, with no repeat call."),
    /** The share of today's resolved work orders that never went on site (records). */
    TODAY_SOLVED_WITHOUT_VISIT("hotline.today.solved.without.visit", Meter.Type.GAUGE, "ratio",
            "Share of today's resolved work orders solved without a visit on site."),
    /** How old today's figures are: grows past the interval while the database does not answer. */
    TODAY_FIGURES_AGE("hotline.today.figures.age", Meter.Type.GAUGE, "seconds",
            "Age of the today figures; above HOTLINE_FIGURES_INTERVAL they are stale (database not answering)."),
    /** Reads of today's figures that failed, since start. */
    TODAY_FIGURES_FAILURES("hotline.today.figures.failures", Meter.Type.COUNTER, null,
            "Reads of the today figures that failed (the last figures are kept)."),
    /** Events applied by the routing engine, since start. */
    ROUTING_EVENTS_APPLIED("hotline.routing.events.applied", Meter.Type.COUNTER, null,
            "Events applied by the routing engine."),
    /** Events whose handling threw: each one a bug, logged with the event; routing went on. */
    ROUTING_EVENTS_FAILED("hotline.routing.events.failed", Meter.Type.COUNTER, null,
            "Events or commands whose handling failed on the routing thread (logged; routing went on)."),
    /** Events waiting in the routing inbox now. */
    ROUTING_INBOX_DEPTH("hotline.routing.inbox.depth", Meter.Type.GAUGE, null,
            "Events waiting in the routing inbox."),
    /** Events refused because the routing inbox was full, since start. */
    ROUTING_INBOX_REFUSED("hotline.routing.inbox.refused", Meter.Type.COUNTER, null,
            "Events refused because the routing inbox was full."),
    /** Events waiting in the service desk's inbox now. */
    DESK_INBOX_DEPTH("hotline.desk.inbox.depth", Meter.Type.GAUGE, null,
            "Events waiting in the service desk's inbox."),
    /** Events refused because the service desk's inbox was full, since start (the calls' facts among them). */
    DESK_INBOX_REFUSED("hotline.desk.inbox.refused", Meter.Type.COUNTER, null,
            "Events refused because the service desk's inbox was full."),
    /** FastAGI sessions open now (callers waiting in queue among them). */
    AGI_SESSIONS_ACTIVE("hotline.agi.sessions.active", Meter.Type.GAUGE, null,
            "FastAGI sessions open now."),
    /** FastAGI sessions served, since start. */
    AGI_SESSIONS("hotline.agi.sessions", Meter.Type.COUNTER, null,
            "FastAGI sessions served."),
    /**
     * FastAGI sessions closed for a problem, by kind: malformed, timeout, unknown_script, refused (address not
     * allowed or a connection cap hit), header_timeout.
     */
    AGI_ERRORS("hotline.agi.errors", Meter.Type.COUNTER, null,
            "FastAGI sessions closed for bad input, a missing reply or a late request header, connections refused "
                    + "(address not allowed, cap hit), and requests for unknown scripts.",
            TagKey.KIND),
    /** 1 while the AMI connection to a server is logged in, 0 otherwise. */
    AMI_CONNECTED("hotline.ami.connected", Meter.Type.GAUGE, null,
            "Whether the AMI connection to the Asterisk server is logged in (1) or not (0).", TagKey.SERVER),
    /** Logins after a lost connection, since start. */
    AMI_RECONNECTS("hotline.ami.reconnects", Meter.Type.COUNTER, null,
            "AMI logins after a lost connection.", TagKey.SERVER),
    /** Logins Asterisk refused (wrong user or secret), since start; an Asterisk that is down is not counted here. */
    AMI_LOGIN_FAILURES("hotline.ami.login.failures", Meter.Type.COUNTER, null,
            "AMI logins Asterisk refused (wrong user or secret); each is retried after a backoff.", TagKey.SERVER),
    /** Login attempts that found no Asterisk (connection refused, I/O error, no answer), since start. */
    AMI_CONNECT_FAILURES("hotline.ami.connect.failures", Meter.Type.COUNTER, null,
            "AMI login attempts that reached no Asterisk (refused connection, I/O error, timeout); retried after a "
                    + "backoff.", TagKey.SERVER),
    /** AMI actions Hotline sent (Hangup of a withdrawn offer's leg, Redirect of a moved call, ...), by outcome. */
    AMI_ACTIONS("hotline.ami.actions", Meter.Type.COUNTER, null,
            "AMI actions sent, by action and outcome (success, error, failed, timeout).", TagKey.SERVER,
            TagKey.ACTION, TagKey.OUTCOME),
    /** Seats by the device state of their phone Hotline last handed to routing; an unreachable phone UNAVAILABLE. */
    AMI_SEAT_DEVICES("hotline.ami.seat.devices", Meter.Type.GAUGE, null,
            "Seats by their phone's device state as last handed to routing (UNAVAILABLE: unreachable).",
            TagKey.DEVICE),
    /** AMI events received, by Asterisk's event name (the set asterisk-java knows: bounded). */
    AMI_EVENTS("hotline.ami.events", Meter.Type.COUNTER, null,
            "AMI events received, by event type.", TagKey.SERVER, TagKey.TYPE),
    /** Events Hotline has no use for (VarSet, Newexten, ...), counted and skipped, since start. */
    AMI_EVENTS_IGNORED("hotline.ami.events.ignored", Meter.Type.COUNTER, null,
            "AMI events Hotline does not use, counted and skipped.", TagKey.SERVER),
    /** Translated events the routing side refused (full inbox), since start. */
    AMI_EVENTS_DROPPED("hotline.ami.events.dropped", Meter.Type.COUNTER, null,
            "AMI events that could not be handed on because the receiving queue was full.", TagKey.SERVER),
    /** Time from asterisk-java reading an event to Hotline's listener handling it. */
    AMI_EVENT_LAG("hotline.ami.event.lag", Meter.Type.TIMER, null,
            "Time from reading an AMI event off the socket to Hotline's listener handling it.", TagKey.SERVER),
    /** Channels a resync closed because they ended while the connection was down, since start. */
    AMI_RECONCILED_HANGUPS("hotline.ami.reconciled.hangups", Meter.Type.COUNTER, null,
            "Channels closed by a resync because they ended while Hotline was not connected."),
    /**
     * Outbound SMS, by outcome: {@code sent} (the gateway took it), {@code failed} (an attempt the gateway refused;
     * retried with backoff), {@code given_up} (failed for good after the last attempt), {@code delivered} and
     * {@code undelivered} (the gateway's delivery receipt), since start.
     */
    SMS_OUTBOUND("hotline.sms.outbound", Meter.Type.COUNTER, null,
            "Outbound SMS by outcome: sent, failed (an attempt refused, retried), given_up, and the gateway's"
                    + " receipts delivered or undelivered.", TagKey.OUTCOME),
    /**
     * Inbound SMS the webhook took (signed and well-formed), by what became of them: {@code accepted},
     * {@code refused}, {@code duplicate}, since start; refused signatures show in {@code hotline.http.requests}
     * (route {@code sms_inbound}, status 401).
     */
    SMS_INBOUND("hotline.sms.inbound", Meter.Type.COUNTER, null,
            "Inbound SMS the webhook took, by outcome: accepted, refused, duplicate.", TagKey.OUTCOME),
    /** Outbound SMS queued (due, or waiting for a retry), as the {@code sms} health check last read them. */
    SMS_QUEUED("hotline.sms.queued", Meter.Type.GAUGE, null,
            "Outbound SMS queued (due or waiting for a retry), as last read by the sms health check."),
    /** Routing journal entries not yet in the database (in memory, or on disk while the database is away). */
    JOURNAL_BACKLOG("hotline.journal.backlog", Meter.Type.GAUGE, null,
            "Routing journal entries (decisions, connections, abandons) not yet written to the work orders."),
    /** Entries the journal's log writer could not take (its disk failing), since start. */
    JOURNAL_DROPPED("hotline.journal.dropped", Meter.Type.COUNTER, null,
            "Routing journal entries dropped because the local log could not take them."),
    /** Entries the database refused on their own (data errors) and that were skipped, since start. */
    JOURNAL_REJECTED("hotline.journal.rejected", Meter.Type.COUNTER, null,
            "Routing journal entries the database refused on their own, logged and skipped."),
    /** Failed writes to the journal's log or the database, each retried, since start. */
    JOURNAL_FAILURES("hotline.journal.failures", Meter.Type.COUNTER, null,
            "Failed writes of the routing journal to its local log or the database; each is retried.");

    /**
     * The dispatch legs counted (the field leg's step names): sent to a branch (again after a missed deadline:
     * REDISPATCHED), acknowledged, assigned, arrived, completed, followed up. Other steps are not counted.
     */
    public static final List<String> DISPATCH_STEPS = List.of("SENT", "REDISPATCHED", "ACKNOWLEDGED", "ASSIGNED",
            "ARRIVED", "COMPLETED", "FOLLOWED_UP");

    /**
     * The tag keys Hotline uses, each with a bounded set of values. Add a key here before using it on a meter.
     */
    public enum TagKey {
        /** What went wrong: {@code malformed}, {@code timeout}, {@code unknown_script}. */
        KIND("kind"),
        /** A health-checked component, e.g. {@code database}; as many values as registered checks. */
        COMPONENT("component"),
        /** An HTTP route's name, e.g. {@code health}, {@code metrics}, {@code not_found}; never the raw path. */
        ROUTE("route"),
        /** An HTTP status code, e.g. {@code 200}. */
        STATUS("status"),
        /** A routing queue, e.g. {@code support}; only the queues of the routing configuration. */
        QUEUE("queue"),
        /** A seat tier: {@code TIER1}, {@code TIER2} or {@code EXPERT}. */
        TIER("tier"),
        /** A seat state, e.g. {@code READY} (the six of {@code SeatState}), or a work order's (seven). */
        STATE("state"),
        /** A work order's severity: {@code P1}, {@code P2} or {@code P3}. */
        SEVERITY("severity"),
        /** An SLA clock: {@code RESPONSE} or {@code RESOLUTION}. */
        CLOCK("clock"),
        /** An SLA warning's level: {@code HALF}, {@code THREE_QUARTERS} or {@code BREACH}. */
        LEVEL("level"),
        /** A dispatch order's step, one of {@link HotlineMeters#DISPATCH_STEPS}. */
        STEP("step"),
        /** An Asterisk server's name in Hotline, e.g. {@code pbx1}; one per configured server. */
        SERVER("server"),
        /** An AMI event type, e.g. {@code Hangup}; only the types asterisk-java knows (a few hundred at most). */
        TYPE("type"),
        /** A phone's device state, e.g. {@code UNAVAILABLE}; the five values of {@code DeviceState}. */
        DEVICE("device"),
        /** An AMI action Hotline sends, e.g. {@code Hangup}; only the few it has code for. */
        ACTION("action"),
        /**
         * How an AMI action ended: {@code success}, {@code error}, {@code failed} or {@code timeout}; what became of
         * an SMS: out {@code sent}, {@code failed}, {@code given_up}, {@code delivered}, {@code undelivered}, in
         * {@code accepted}, {@code refused}, {@code duplicate}.
         */
        OUTCOME("outcome");

        private final String key;

        TagKey(String key) {
            this.key = key;
        }

        /** The tag key as it appears on the meter. */
        public String key() {
            return key;
        }
    }

    private final String meterName;
    private final Meter.Type type;
    private final String baseUnit;
    private final String description;
    private final Set<TagKey> tagKeys;

    HotlineMeters(String meterName, Meter.Type type, String baseUnit, String description, TagKey... tagKeys) {
        this.meterName = meterName;
        this.type = type;
        this.baseUnit = baseUnit;
        this.description = description;
        // An unmodifiable EnumSet keeps the declaration order, which error messages and docs show.
        this.tagKeys = Collections.unmodifiableSet(
                tagKeys.length == 0 ? EnumSet.noneOf(TagKey.class) : EnumSet.of(tagKeys[0], tagKeys));
    }

    /** The meter name in Micrometer dot notation, e.g. {@code hotline.http.requests}. */
    public String meterName() {
        return meterName;
    }

    /** The kind of meter to register under this name. */
    public Meter.Type type() {
        return type;
    }

    /**
     * The base unit for gauges and counters, or {@code null} when the value has none (a count of things, a 0/1
     * flag) or the registry decides it (timers are exported in seconds by Prometheus).
     */
    public String baseUnit() {
        return baseUnit;
    }

    /** One sentence shown as the Prometheus {@code # HELP} text. */
    public String description() {
        return description;
    }

    /** The tag keys this meter carries; no other keys are allowed. */
    public Set<TagKey> tagKeys() {
        return tagKeys;
    }

    /**
     * Tags for this meter from alternating keys and values, checked against {@link #tagKeys()}.
     *
     * @throws IllegalArgumentException if the number of arguments is odd or a key is not declared for this meter
     */
    public Tags tags(String... keyValues) {
        if (keyValues.length % 2 != 0) {
            throw new IllegalArgumentException(meterName + ": tags need key-value pairs, got " + keyValues.length
                    + " strings");
        }
        List<String> allowed = new ArrayList<>();
        for (TagKey tagKey : tagKeys) {
            allowed.add(tagKey.key());
        }
        for (int i = 0; i < keyValues.length; i += 2) {
            if (!allowed.contains(keyValues[i])) {
                throw new IllegalArgumentException(meterName + " does not declare tag '" + keyValues[i]
                        + "'; allowed: " + allowed);
            }
        }
        return Tags.of(keyValues);
    }
}
