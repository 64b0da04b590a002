package io.hotline.web.wallboard;

import com.fasterxml.jackson.databind.util.RawValue;
import io.hotline.web.push.PushHub;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The wallboard's push (docs/api.md): the message {@code wallboard} with the body of {@code GET /api/wallboard}, to
 * the connections opened with {@code /ws?topic=wallboard} whose user may watch ({@link WallboardAccess}). Ticked by
 * {@code app} once a second; sends only when the floor changed since the last snapshot sent, so at most once a
 * second. The snapshot is serialized once per tick whatever the number of walls.
 * <p>
 * Confined to the one thread that ticks it (it remembers the last snapshot sent).
 */
public final class WallboardPushes {
    /** The push topic and message type. */
    public static final String TOPIC = "wallboard";

    private final PushHub hub;
    private final WallboardBackend backend;
    private WallboardSnapshot last;

    public WallboardPushes(PushHub hub, WallboardBackend backend) {
        this.hub = Objects.requireNonNull(hub, "hub");
        this.backend = Objects.requireNonNull(backend, "backend");
    }

    /** Sends the snapshot if it changed; the number of connections it was queued for (0 when nothing changed). */
    public int tick() {
        if (!backend.ready()) {
            return 0;
        }
        WallboardSnapshot snapshot = backend.snapshot();
        if (snapshot.sameFloorAs(last)) {
            return 0;
        }
        last = snapshot;
        RawValue body = new RawValue(new String(WallboardJson.write(snapshot), StandardCharsets.UTF_8));
        return hub.toTopic(TOPIC, WallboardAccess::mayWatch, TOPIC, body);
    }
}
