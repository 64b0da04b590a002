package io.hotline.routing.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link QueuePositions} against a sorted list, over many random joins and leaves. */
class QueuePositionsTest {

    @Test
    void shouldGiveEveryCallItsPlaceInQueueOrderThroughRandomJoinsAndLeaves() {
        Random random = new Random(20261204L);
        QueuePositions positions = new QueuePositions();
        List<CallRecord> reference = new ArrayList<>();
        long sequence = 0;
        for (int step = 0; step < 20_000; step++) {
            if (reference.isEmpty() || random.nextInt(100) < 55) {
                // ranks collide often (same arrival and priority), escalations jump ahead of their rank peers
                CallRecord call = new CallRecord("c" + sequence, sequence++);
                call.rankMs = random.nextInt(500) * 1_000L;
                call.escalated = random.nextInt(10) == 0;
                positions.add(call);
                reference.add(call);
                reference.sort(CallRecord.QUEUE_ORDER);
            } else {
                CallRecord leaving = reference.remove(random.nextInt(reference.size()));
                positions.remove(leaving);
                assertThat(positions.positionOf(leaving)).isZero();
            }
            if (step % 97 == 0) {
                for (int i = 0; i < reference.size(); i++) {
                    assertThat(positions.positionOf(reference.get(i))).as("position of %s", reference.get(i).id)
                            .isEqualTo(i + 1);
                }
            }
        }
        assertThat(positions.size()).isEqualTo(reference.size());
    }

    @Test
    void shouldAnswerZeroForACallThatNeverJoined() {
        QueuePositions positions = new QueuePositions();
        CallRecord waiting = new CallRecord("waiting", 1);
        positions.add(waiting);
        CallRecord stranger = new CallRecord("stranger", 2);

        assertThat(positions.positionOf(waiting)).isEqualTo(1);
        assertThat(positions.positionOf(stranger)).isZero();
    }
}
