/**
 * When each tier is staffed: weekly opening hours in the hotline's time zone and a holiday calendar.
 * Immutable value types, safe on any thread.
 */
package io.hotline.routing.hours;
