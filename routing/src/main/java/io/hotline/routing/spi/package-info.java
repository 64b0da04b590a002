/**
 * The ports through which the routing domain meets the world. Other modules implement them (persistence
 * stores work orders, telephony controls calls, ops and web report health); {@code app} wires them together,
 * so telephony, persistence, ops and web never depend on each other.
 */
package io.hotline.routing.spi;
