package io.hotline.benchmarks.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HotlineProcessTest {
    /** This test's own JVM stands in for Hotline: jcmd attaches to it as it would to Hotline. */
    private final HotlineProcess self = new HotlineProcess(ProcessHandle.current().pid());

    @Test
    void shouldReadTheHeapInUseBeforeAndAfterAFullCollection() throws Exception {
        // given garbage on the heap, kept reachable until the first reading
        byte[][] garbage = new byte[64][];
        for (int i = 0; i < garbage.length; i++) {
            garbage[i] = new byte[256 * 1024];
        }

        // when the heap is read, then read again after the garbage is dropped and a full GC
        double before = self.heapUsedMib(false);
        assertThat(garbage[garbage.length - 1]).hasSize(256 * 1024);
        garbage = null;
        double after = self.heapUsedMib(true);

        // then both are plausible and the collection freed the 16 MiB
        assertThat(before).isGreaterThan(16.0);
        assertThat(after).isPositive().isLessThan(before - 8.0);
    }

    @Test
    void shouldReadResidentMemoryAndCpuTime() throws Exception {
        // when / then the JVM's RSS is tens of MiB at least and it has used some CPU
        assertThat(self.rssMib()).isGreaterThan(10.0);
        assertThat(self.cpuMillis()).isPositive();
    }
}
