package io.hotline.app.field;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/** The stored queue, in memory: due when queued or retry time reached, until sent or given up. Thread-safe. */
final class FakeOutbox implements SmsSender.Outbox {
    final AtomicBoolean away = new AtomicBoolean();
    final Map<Long, SmsSender.Queued> queued = new ConcurrentHashMap<>();
    final Map<Long, Instant> nextAt = new ConcurrentHashMap<>();
    final Map<Long, String> sentIds = new ConcurrentHashMap<>();
    final List<Failure> failures = Collections.synchronizedList(new ArrayList<>());

    /** A failed attempt as recorded: retried at {@code next}, or given up when it is null. */
    record Failure(long id, String error, Instant next) {
    }

    void queue(long id, String to, String body) {
        queue(id, to, body, Instant.EPOCH);
    }

    void queue(long id, String to, String body, Instant due) {
        queued.put(id, new SmsSender.Queued(id, to, body, 0));
        nextAt.put(id, due);
    }

    @Override
    public List<SmsSender.Queued> due(Instant now, int limit) {
        if (away.get()) {
            throw new IllegalStateException("database away");
        }
        return queued.values().stream().filter(message -> !nextAt.get(message.id()).isAfter(now))
                .sorted((a, b) -> Long.compare(a.id(), b.id())).limit(limit).toList();
    }

    @Override
    public void sent(long id, String gatewayId, Instant at) {
        queued.remove(id);
        sentIds.put(id, gatewayId == null ? "" : gatewayId);
    }

    @Override
    public void failed(long id, String error, Instant nextAttemptAt, Instant at) {
        failures.add(new Failure(id, error, nextAttemptAt));
        SmsSender.Queued message = queued.get(id);
        if (nextAttemptAt == null) {
            queued.remove(id);
        } else {
            queued.put(id, new SmsSender.Queued(id, message.to(), message.body(), message.attempts() + 1));
            nextAt.put(id, nextAttemptAt);
        }
    }

    @Override
    public SmsSender.Backlog backlog(Instant now) {
        if (away.get()) {
            throw new IllegalStateException("database away");
        }
        Instant oldestDue = queued.keySet().stream().map(nextAt::get).filter(at -> !at.isAfter(now))
                .min(Instant::compareTo).orElse(null);
        return new SmsSender.Backlog(queued.size(), oldestDue);
    }
}
