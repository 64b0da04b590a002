/**
 * The FastAGI scripts Hotline serves ({@code route}, {@code answered}, ...) and the bridge that carries the
 * routing engine's commands to the session of the caller they concern. Scripts run on their session's event
 * loop; blocking work (database) runs on the blocking executor they are given; the registry is thread-safe.
 */
package io.hotline.telephony.scripts;
