package io.hotline.routing.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InboxTest {

    @Test
    void shouldRefuseAndCountWhatComesWhenFull() {
        // given an inbox of two events, full
        Inbox<String> inbox = new Inbox<>(2);
        assertThat(inbox.offer("a")).isTrue();
        assertThat(inbox.offer("b")).isTrue();

        // when two more are offered
        boolean third = inbox.offer("c");
        boolean fourth = inbox.offer("d");

        // then both are refused and counted, and what was queued is kept
        assertThat(third).isFalse();
        assertThat(fourth).isFalse();
        assertThat(inbox.refused()).isEqualTo(2);
        assertThat(inbox.depth()).isEqualTo(2);
    }

    @Test
    void shouldDrainAtMostMaxInOfferOrder() throws InterruptedException {
        // given five events waiting
        Inbox<Integer> inbox = new Inbox<>(10);
        for (int i = 1; i <= 5; i++) {
            inbox.offer(i);
        }
        List<Integer> batch = new ArrayList<>();

        // when drained by three, then by three again
        int first = inbox.drainTo(batch, 3, 0);
        int second = inbox.drainTo(batch, 3, 0);

        // then the first batch holds three, the second the other two, in order
        assertThat(first).isEqualTo(3);
        assertThat(second).isEqualTo(2);
        assertThat(batch).containsExactly(1, 2, 3, 4, 5);
        assertThat(inbox.depth()).isZero();
        assertThat(inbox.refused()).isZero();
    }

    @Test
    void shouldReturnNothingWhenNoEventComesInTime() throws InterruptedException {
        Inbox<String> inbox = new Inbox<>(1);
        List<String> batch = new ArrayList<>();

        assertThat(inbox.drainTo(batch, 10, TimeUnit.MILLISECONDS.toNanos(5))).isZero();
        assertThat(batch).isEmpty();
    }

    @Test
    void shouldTakeRoomAgainOnceDrained() throws InterruptedException {
        Inbox<String> inbox = new Inbox<>(1);
        inbox.offer("a");
        assertThat(inbox.offer("b")).isFalse();

        inbox.drainTo(new ArrayList<>(), 1, 0);

        assertThat(inbox.offer("c")).isTrue();
        assertThat(inbox.refused()).isEqualTo(1);
    }

    @Test
    void shouldRejectACapacityBelowOne() {
        assertThatThrownBy(() -> new Inbox<String>(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("capacity must be positive: 0");
    }
}
