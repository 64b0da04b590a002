/**
 * The database side of a call's journey: recognising the caller, finding the seat behind a phone, recording
 * what routing decided and how the call ended, surveys and callbacks, all on the call's work order. These
 * implement routing's ports; every method blocks on I/O except {@link io.hotline.persistence.calls.JdbiRoutingJournal},
 * which hands its writes to its own single writer thread so the routing thread never waits.
 */
package io.hotline.persistence.calls;
