/**
 * The AMI benchmark: events per second from the socket to the routing inbox through Hotline's
 * {@code AmiConnection} (asterisk-java's reader and event pump, Hotline's translation into records, a bounded
 * inbox drained by a consumer thread) against asterisk-java's own dispatch of the same stream to a listener that
 * only counts. {@link io.hotline.benchmarks.ami.EventFloodServer} plays Asterisk on 127.0.0.1: it answers the login
 * and floods the client with the events a real Asterisk 22 sent during a recorded call
 * ({@code testdata/asterisk-transcripts/01-*.ami-recv.raw}), repeated. Run by
 * {@link io.hotline.benchmarks.ami.AmiEventThroughput}; figures in {@code docs/benchmarks.md}. Protocol:
 * <a href="https://docs.asterisk.org/Configuration/Interfaces/Asterisk-Manager-Interface-AMI/">AMI</a>.
 * <p>
 * Threading: the flood server has an accept thread, a reader thread per client and a writer thread per flood; a
 * client's counters are written only by its asterisk-java event pump; Hotline's inbox is drained by its own
 * {@code routing-inbox} thread. Every loop is bounded in count and in time.
 */
package io.hotline.benchmarks.ami;
