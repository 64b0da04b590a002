/**
 * The escalation ladder: tier-1 seats, tier-2 seats, the expert team, remote service, on-site service.
 * Immutable value types, safe on any thread.
 */
package io.hotline.routing.ladder;
