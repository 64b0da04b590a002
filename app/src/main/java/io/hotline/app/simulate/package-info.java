/**
 * A simulated Asterisk 22, for tests and for {@code hotline simulate}: it loads a real dialplan
 * ({@code docs/asterisk/extensions.conf}), interprets the dialplan applications Hotline's dialplan uses the way
 * Asterisk 22 runs them (as the recordings in {@code testdata/asterisk-transcripts} show), talks FastAGI to Hotline
 * over real TCP sockets, and is the AMI server Hotline logs in to ({@link io.hotline.app.simulate.ManagerServer}).
 * Phones are simulated: callers who press digits, wait on hold and hang up, seats whose phones answer or not.
 * Time inside a call is virtual in tests (ring and talk durations are compared, not waited for) and real in
 * {@link io.hotline.app.simulate.Simulation}. Every call runs its dialplan on its own thread. The package knows
 * Hotline only through those protocols and the dialplan file: it uses no Hotline class (an ArchitectureTest rule).
 */
package io.hotline.app.simulate;
