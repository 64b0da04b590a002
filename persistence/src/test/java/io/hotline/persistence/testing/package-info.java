/**
 * The test database harness, shared with other modules' tests through this module's test-jar.
 */
package io.hotline.persistence.testing;
