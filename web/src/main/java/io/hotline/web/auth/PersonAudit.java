package io.hotline.web.auth;

/**
 * Where audited person actions go: app writes them to {@code person_audit}. Called on event-loop threads:
 * implementations must not block (hand the write to an executor) and must be thread-safe. An entry that cannot be
 * written is logged by the implementation, never thrown back at the request.
 */
@FunctionalInterface
public interface PersonAudit {

    /** Records one entry. */
    void record(PersonAuditEvent event);
}
