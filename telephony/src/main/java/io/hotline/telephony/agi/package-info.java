/**
 * FastAGI: Asterisk's Gateway Interface over TCP (port 4573 by convention). Asterisk sends the {@code agi_*}
 * environment block, then the server sends one command at a time and reads one reply per command; Asterisk
 * may interleave an unsolicited {@code HANGUP} line when the caller leaves.
 * See <a href="https://docs.asterisk.org/Configuration/Interfaces/Asterisk-Gateway-Interface-AGI/">AGI</a>.
 * <p>
 * Threading: decoders and session handlers are per channel (not {@code @Sharable}) and run on that channel's
 * event loop; messages are immutable. The admission handler (allow-list, connection caps) runs on the accept
 * thread {@code agi-boss}, before a connection is handed to an event loop; the connection counts and the
 * rate-limited logs are shared and thread-safe.
 */
package io.hotline.telephony.agi;
