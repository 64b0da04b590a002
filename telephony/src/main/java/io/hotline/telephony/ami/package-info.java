/**
 * The Asterisk Manager Interface: one supervised asterisk-java {@code ManagerConnection} per Asterisk server
 * ({@link io.hotline.telephony.ami.AmiConnection}), whose listener only translates event beans into Hotline's own
 * immutable {@link io.hotline.telephony.ami.AmiEvent} records and hands them to a non-blocking
 * {@link io.hotline.telephony.ami.AmiEventSink}. Logins retry with backoff, pings and a socket read timeout find
 * half-open sockets, and actions go out on the connection's own thread, never from the event pump.
 */
package io.hotline.telephony.ami;
