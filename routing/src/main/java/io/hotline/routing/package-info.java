/**
 * Hotline's pure domain: where every piece of work goes and by when. No I/O, no threads of its own;
 * other modules implement the ports in {@link io.hotline.routing.spi}.
 */
package io.hotline.routing;
