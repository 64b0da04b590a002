/**
 * Work orders: exactly one per call, carried up the escalation ladder to closure. Immutable value types.
 */
package io.hotline.routing.workorder;
