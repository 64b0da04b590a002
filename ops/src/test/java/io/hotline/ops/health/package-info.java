/**
 * Tests of the health monitor with fake checks. The monitor's own threads run the checks; tests wait for them
 * with Awaitility, never with sleeps.
 */
package io.hotline.ops.health;
