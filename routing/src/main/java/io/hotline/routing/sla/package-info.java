/**
 * Service-level clocks: response and resolution targets per severity, and the deadlines derived from them.
 * Immutable value types, safe on any thread.
 */
package io.hotline.routing.sla;
