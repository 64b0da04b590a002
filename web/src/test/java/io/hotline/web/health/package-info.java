/** Tests of the {@code /health} JSON. Single-threaded. */
package io.hotline.web.health;
