-- ---------------------------------------------------------------------------------------------------------
-- Seat state and refusals, written by the routing journal.
-- seat_state: each seat's last state as routing decided it (logged in: READY, NOT_READY with its reason...),
-- since when it has been in it. At start Hotline restores it into the routing engine, so a restart or an upgrade
-- does not log every seat out.
-- routing_refusal: every input the routing engine refused (a seat's feature code while logged out, an answer
-- from a seat that was not offered...), kept for the supervisor. journal_seq makes a replayed entry a no-op.
-- ---------------------------------------------------------------------------------------------------------
CREATE TABLE seat_state (
    seat_id     BIGINT       NOT NULL,
    state       VARCHAR(16)  NOT NULL,
    reason      VARCHAR(64)  NULL,
    since       DATETIME(3)  NOT NULL,
    updated_at  DATETIME(3)  NOT NULL,
    PRIMARY KEY (seat_id),
    CONSTRAINT ck_seat_state_state CHECK (state IN ('LOGGED_OUT', 'READY', 'RESERVED', 'ON_CALL', 'WRAP_UP',
                                                    'NOT_READY')),
    CONSTRAINT fk_seat_state_seat FOREIGN KEY (seat_id) REFERENCES seat (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE routing_refusal (
    id           BIGINT        NOT NULL AUTO_INCREMENT,
    subject      VARCHAR(128)  NOT NULL,
    request      VARCHAR(32)   NULL,
    reason       VARCHAR(255)  NOT NULL,
    refused_at   DATETIME(3)   NOT NULL,
    journal_seq  BIGINT        NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_routing_refusal_entry UNIQUE (journal_seq, refused_at, subject),
    INDEX ix_routing_refusal_subject (subject, refused_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
