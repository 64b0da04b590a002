/**
 * Not API: Jdbi plumbing (how instants cross the wire). Stateless and thread-safe.
 */
package io.hotline.persistence.internal;
