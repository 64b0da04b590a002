/**
 * Queues and how they widen over time: the steps of escalating relaxation a waiting caller passes through
 * while keeping their place. Immutable value types validated at construction, safe on any thread.
 */
package io.hotline.routing.queue;
