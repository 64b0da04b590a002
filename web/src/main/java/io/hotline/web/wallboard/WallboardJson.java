package io.hotline.web.wallboard;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.hotline.routing.seat.SeatState;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * The one place a {@link WallboardSnapshot} becomes the JSON of docs/api.md ({@code GET /api/wallboard} and the
 * {@code wallboard} push): written field by field with Jackson's streaming generator, no tree of maps in between.
 * Instants are ISO-8601 UTC; shares are ratios from 0 to 1 with their counts. Stateless, thread-safe (the factory
 * is configured once and only read).
 */
public final class WallboardJson {

    private static final JsonFactory FACTORY = new JsonFactory();

    private WallboardJson() {
    }

    /** The snapshot as UTF-8 JSON. */
    public static byte[] write(WallboardSnapshot snapshot) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        try (JsonGenerator json = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            json.writeStartObject();
            instant(json, "at", snapshot.at());
            instant(json, "dayStart", snapshot.dayStart());
            queues(json, snapshot);
            seats(json, snapshot);
            clocks(json, snapshot);
            dispatches(json, snapshot);
            branches(json, snapshot);
            json.writeFieldName("solvedWithoutVisit");
            share(json, snapshot.solvedWithoutVisit());
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the wallboard's JSON", e);
        }
        return out.toByteArray();
    }

    private static void queues(JsonGenerator json, WallboardSnapshot snapshot) throws IOException {
        json.writeArrayFieldStart("queues");
        for (WallboardSnapshot.QueueLine queue : snapshot.queues()) {
            json.writeStartObject();
            json.writeStringField("name", queue.name());
            json.writeStringField("tier", queue.tier());
            json.writeNumberField("waiting", queue.waiting());
            json.writeNumberField("longestWaitSeconds", queue.longestWaitSeconds());
            json.writeNumberField("serviceLevelNow", queue.serviceLevelNow());
            json.writeNumberField("thresholdSeconds", queue.thresholdSeconds());
            json.writeFieldName("today");
            WallboardSnapshot.Day day = queue.today();
            if (day == null) {
                json.writeNull();
            } else {
                json.writeStartObject();
                json.writeNumberField("offered", day.offered());
                json.writeNumberField("answered", day.answered());
                json.writeNumberField("answeredWithinThreshold", day.answeredWithinThreshold());
                json.writeNumberField("abandoned", day.abandoned());
                json.writeNumberField("serviceLevel", day.serviceLevel());
                json.writeEndObject();
            }
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void seats(JsonGenerator json, WallboardSnapshot snapshot) throws IOException {
        json.writeArrayFieldStart("seats");
        for (WallboardSnapshot.TierSeats tier : snapshot.seats()) {
            json.writeStartObject();
            json.writeStringField("tier", tier.tier());
            json.writeObjectFieldStart("states");
            for (SeatState state : SeatState.values()) {
                json.writeNumberField(state.name(), tier.states().getOrDefault(state, 0));
            }
            json.writeEndObject();
            json.writeNumberField("unreachable", tier.unreachable());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void clocks(JsonGenerator json, WallboardSnapshot snapshot) throws IOException {
        json.writeArrayFieldStart("clocks");
        for (WallboardSnapshot.Clock clock : snapshot.clocks()) {
            json.writeStartObject();
            json.writeNumberField("workOrderId", clock.workOrderId());
            json.writeStringField("severity", clock.severity());
            json.writeStringField("tier", clock.tier());
            json.writeStringField("owner", clock.owner());
            json.writeStringField("kind", clock.kind().name());
            instant(json, "dueAt", clock.dueAt());
            json.writeBooleanField("breached", clock.breached());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeNumberField("clocksMore", snapshot.clocksMore());
    }

    private static void dispatches(JsonGenerator json, WallboardSnapshot snapshot) throws IOException {
        json.writeArrayFieldStart("dispatches");
        for (WallboardSnapshot.Dispatch dispatch : snapshot.dispatches()) {
            json.writeStartObject();
            json.writeNumberField("workOrderId", dispatch.workOrderId());
            json.writeStringField("state", dispatch.state());
            json.writeStringField("branch", dispatch.branch());
            json.writeFieldName("site");
            if (dispatch.lat() == null || dispatch.lon() == null) {
                json.writeNull();
            } else {
                json.writeStartObject();
                json.writeNumberField("lat", dispatch.lat());
                json.writeNumberField("lon", dispatch.lon());
                json.writeEndObject();
            }
            json.writeArrayFieldStart("legs");
            for (WallboardSnapshot.Leg leg : dispatch.legs()) {
                json.writeStartObject();
                json.writeStringField("branch", leg.branch());
                instant(json, "sentAt", leg.sentAt());
                instant(json, "ackDueAt", leg.ackDueAt());
                instant(json, "acknowledgedAt", leg.acknowledgedAt());
                instant(json, "expiredAt", leg.expiredAt());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeStringField("deadline", dispatch.deadline());
            instant(json, "deadlineAt", dispatch.deadlineAt());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void branches(JsonGenerator json, WallboardSnapshot snapshot) throws IOException {
        json.writeArrayFieldStart("branches");
        for (WallboardSnapshot.Branch branch : snapshot.branches()) {
            json.writeStartObject();
            json.writeStringField("code", branch.code());
            json.writeStringField("name", branch.name());
            json.writeNumberField("lat", branch.lat());
            json.writeNumberField("lon", branch.lon());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void share(JsonGenerator json, WallboardSnapshot.Share share) throws IOException {
        if (share == null) {
            json.writeNull();
            return;
        }
        json.writeStartObject();
        json.writeNumberField("count", share.count());
        json.writeNumberField("of", share.of());
        json.writeNumberField("ratio", share.ratio());
        json.writeEndObject();
    }

    private static void instant(JsonGenerator json, String field, Instant instant) throws IOException {
        if (instant == null) {
            json.writeNullField(field);
        } else {
            json.writeStringField(field, instant.toString());
        }
    }
}
