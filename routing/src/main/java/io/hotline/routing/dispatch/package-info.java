/**
 * On-site dispatch: the nearest branch, its duty manager's acknowledgement, the field engineer's visit,
 * and the supervisor's satisfaction call. Immutable value types, safe on any thread.
 */
package io.hotline.routing.dispatch;
