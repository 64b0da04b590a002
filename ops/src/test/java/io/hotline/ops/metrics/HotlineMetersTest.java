package io.hotline.ops.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class HotlineMetersTest {

    @Test
    void shouldNameEveryMeterInLowerCaseDotNotationUnderTheHotlinePrefix() {
        for (HotlineMeters meter : HotlineMeters.values()) {
            assertThat(meter.meterName()).matches("hotline(\\.[a-z][a-z0-9]*)+");
            assertThat(meter.description()).isNotBlank().endsWith(".");
        }
    }

    @Test
    void shouldListEveryMeterNameOnce() {
        assertThat(Arrays.stream(HotlineMeters.values()).map(HotlineMeters::meterName)).doesNotHaveDuplicates();
    }

    @Test
    void shouldDeclareTheStartingCatalog() {
        assertThat(HotlineMeters.HEALTH_COMPONENT_UP.meterName()).isEqualTo("hotline.health.component.up");
        assertThat(HotlineMeters.HEALTH_COMPONENT_UP.type()).isEqualTo(Meter.Type.GAUGE);
        assertThat(HotlineMeters.HEALTH_COMPONENT_UP.tagKeys()).containsExactly(HotlineMeters.TagKey.COMPONENT);
        assertThat(HotlineMeters.HTTP_REQUESTS.meterName()).isEqualTo("hotline.http.requests");
        assertThat(HotlineMeters.HTTP_REQUESTS.type()).isEqualTo(Meter.Type.TIMER);
        assertThat(HotlineMeters.HTTP_REQUESTS.tagKeys())
                .containsExactly(HotlineMeters.TagKey.ROUTE, HotlineMeters.TagKey.STATUS);
        assertThat(HotlineMeters.DB_MIGRATIONS_APPLIED.meterName()).isEqualTo("hotline.db.migrations.applied");
        assertThat(HotlineMeters.DB_MIGRATIONS_APPLIED.tagKeys()).isEmpty();
        assertThat(HotlineMeters.DB_MIGRATIONS_APPLIED.baseUnit()).isNull();
    }

    @Test
    void shouldDeclareTheSmsMetersWithTheOutcomeTagOnly() {
        assertThat(HotlineMeters.SMS_OUTBOUND.meterName()).isEqualTo("hotline.sms.outbound");
        assertThat(HotlineMeters.SMS_OUTBOUND.type()).isEqualTo(Meter.Type.COUNTER);
        assertThat(HotlineMeters.SMS_OUTBOUND.tagKeys()).containsExactly(HotlineMeters.TagKey.OUTCOME);
        assertThat(HotlineMeters.SMS_INBOUND.meterName()).isEqualTo("hotline.sms.inbound");
        assertThat(HotlineMeters.SMS_INBOUND.tagKeys()).containsExactly(HotlineMeters.TagKey.OUTCOME);
        assertThat(HotlineMeters.SMS_QUEUED.type()).isEqualTo(Meter.Type.GAUGE);
        assertThat(HotlineMeters.SMS_QUEUED.tagKeys()).isEmpty();
        assertThatThrownBy(() -> HotlineMeters.SMS_OUTBOUND.tags("outcome", "sent", "phone", "13800000000"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldBuildTagsFromDeclaredKeys() {
        assertThat(HotlineMeters.HTTP_REQUESTS.tags("route", "health", "status", "200"))
                .containsExactly(Tag.of("route", "health"), Tag.of("status", "200"));
    }

    @Test
    void shouldRejectATagKeyTheMeterDoesNotDeclare() {
        assertThatThrownBy(() -> HotlineMeters.HTTP_REQUESTS.tags("route", "health", "callId", "1234"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("hotline.http.requests does not declare tag 'callId'; allowed: [route, status]");
        assertThatThrownBy(() -> HotlineMeters.HTTP_REQUESTS.tags("route"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRegisterATimerThroughTheCatalog() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        HotlineMeters meter = HotlineMeters.HTTP_REQUESTS;

        Timer.builder(meter.meterName()).description(meter.description())
                .tags(meter.tags("route", "not_found", "status", "404"))
                .register(registry)
                .record(Duration.ofMillis(3));

        assertThat(registry.get("hotline.http.requests").tag("route", "not_found").timer().count()).isEqualTo(1);
    }
}
