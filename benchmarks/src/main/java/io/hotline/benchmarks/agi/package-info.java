/**
 * The FastAGI benchmark: Hotline's Netty {@code AgiServer} against asterisk-java's thread-per-call
 * {@code DefaultAgiServer}, both running the same {@link io.hotline.benchmarks.agi.RouteDecision}, driven by
 * {@link io.hotline.benchmarks.agi.AgiLoadGenerator}, which plays Asterisk: it replays the environment block
 * recorded from a real Asterisk 22 ({@code testdata/asterisk-transcripts/01-*.agi1-recv.raw}) and answers each
 * command as Asterisk did in the recordings. Run by {@code benchmarks/agi-bench.sh}; figures in
 * {@code docs/benchmarks.md}. Protocol:
 * <a href="https://docs.asterisk.org/Configuration/Interfaces/Asterisk-Gateway-Interface-AGI/">AGI</a>.
 * <p>
 * Threading: the Hotline script and the generator's sessions are confined to their channels' event loops; the
 * generator's counters are confined to one control event loop. The asterisk-java script blocks its pool thread,
 * which is that server's model. {@code RouteDecision} is immutable after construction and shared.
 */
package io.hotline.benchmarks.agi;
