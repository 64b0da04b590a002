package io.hotline.ops.health;

import io.hotline.routing.spi.ComponentHealth;
import io.hotline.routing.spi.HealthCheck;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A health check whose answer a test sets: a health, an exception to throw, or a hang until released.
 * Thread-safe: tests set it while the monitor's threads call it.
 */
final class FakeHealthCheck implements HealthCheck {

    private final String component;
    private final AtomicInteger calls = new AtomicInteger();
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile ComponentHealth health;
    private volatile RuntimeException failure;
    private volatile boolean hanging;
    private boolean critical = true;

    FakeHealthCheck(String component, ComponentHealth health) {
        this.component = component;
        this.health = health;
    }

    static FakeHealthCheck up(String component) {
        return new FakeHealthCheck(component, ComponentHealth.up("fine", Map.of("version", "1")));
    }

    /** Marks this check not critical: its outage degrades Hotline but leaves it ready. */
    FakeHealthCheck notCritical() {
        this.critical = false;
        return this;
    }

    @Override
    public boolean critical() {
        return critical;
    }

    FakeHealthCheck answer(ComponentHealth next) {
        this.failure = null;
        this.health = next;
        return this;
    }

    FakeHealthCheck fail(RuntimeException next) {
        this.failure = next;
        return this;
    }

    /** Makes every call block until {@link #release()} (or an interrupt). */
    FakeHealthCheck hang() {
        this.hanging = true;
        return this;
    }

    void release() {
        release.countDown();
    }

    int calls() {
        return calls.get();
    }

    @Override
    public String component() {
        return component;
    }

    @Override
    public ComponentHealth check() {
        calls.incrementAndGet();
        if (hanging) {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return ComponentHealth.down("interrupted");
            }
        }
        RuntimeException toThrow = failure;
        if (toThrow != null) {
            throw toThrow;
        }
        return health;
    }
}
