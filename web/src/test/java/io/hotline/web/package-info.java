/**
 * End-to-end tests of the HTTP server over real loopback TCP (127.0.0.1 only), with fake health, metrics and
 * authenticators. Tests wait with Awaitility or on futures, never with sleeps.
 */
package io.hotline.web;
