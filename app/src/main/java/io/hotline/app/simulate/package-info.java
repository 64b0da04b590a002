/**
 * A simulated Asterisk for tests: it loads a real dialplan ({@code docs/asterisk/extensions.conf}), interprets the
 * dialplan applications Hotline's dialplan uses the way Asterisk 22 runs them (as the recordings in
 * {@code testdata/asterisk-transcripts} show), and talks FastAGI to Hotline over real TCP sockets. Phones are
 * simulated: a caller that presses digits and hangs up, seats whose phones answer or not. Time inside a call is
 * virtual (ring and talk durations are compared, not waited for); every call runs its dialplan on its own thread.
 */
package io.hotline.app.simulate;
