-- ---------------------------------------------------------------------------------------------------------
-- The service desk's stored form (routing.desk.StoredWorkOrder), written through the durable journal.
-- The desk allocates work order ids and decides every state change; these columns hold exactly what it computed,
-- so that a restart restores it: how the work order came (origin), the seat's summary, the contract level and
-- product line its clocks and reports use, the callback time, both SLA clocks (time counted before running_since,
-- running since when or NULL, stopped for good, the warnings fired as a mask: 1 = 50 %, 2 = 75 %, 4 = breach, and
-- the due time for readers, NULL while paused or stopped), the human contacts, reopens, how many audit events its
-- trail has, and when the desk released it (NULL while the desk holds it; a released work order is not restored).
-- owner_seat_code and product_line keep the desk's words; owner_seat_id and product_skill_id point at the rows
-- they name, when there are such rows.
-- ---------------------------------------------------------------------------------------------------------
ALTER TABLE work_order
    ADD COLUMN origin                      VARCHAR(16)  NULL AFTER id,
    ADD COLUMN summary                     TEXT         NULL AFTER subject,
    ADD COLUMN contract_level              VARCHAR(64)  NULL AFTER customer_id,
    ADD COLUMN product_line                VARCHAR(64)  NULL AFTER product_skill_id,
    ADD COLUMN owner_seat_code             VARCHAR(64)  NULL AFTER owner_seat_id,
    ADD COLUMN callback_at                 DATETIME(3)  NULL AFTER resolution_due_at,
    ADD COLUMN response_counted_ms         BIGINT       NOT NULL DEFAULT 0,
    ADD COLUMN response_running_since      DATETIME(3)  NULL,
    ADD COLUMN response_stopped            BOOLEAN      NOT NULL DEFAULT FALSE,
    ADD COLUMN response_fired              TINYINT      NOT NULL DEFAULT 0,
    ADD COLUMN resolution_counted_ms       BIGINT       NOT NULL DEFAULT 0,
    ADD COLUMN resolution_running_since    DATETIME(3)  NULL,
    ADD COLUMN resolution_stopped          BOOLEAN      NOT NULL DEFAULT FALSE,
    ADD COLUMN resolution_fired            TINYINT      NOT NULL DEFAULT 0,
    ADD COLUMN contacts                    INT          NOT NULL DEFAULT 0,
    ADD COLUMN reopens                     INT          NOT NULL DEFAULT 0,
    ADD COLUMN audit_count                 INT          NOT NULL DEFAULT 0,
    ADD COLUMN released_at                 DATETIME(3)  NULL,
    MODIFY COLUMN response_due_at          DATETIME(3)  NULL,
    MODIFY COLUMN resolution_due_at        DATETIME(3)  NULL;

-- Work orders opened by earlier versions: what the desk restores them as. Their call made them CALL work
-- orders, the others e-mail work; their clocks counted from their opening (24x7, as those versions did), the
-- response clock stopped at the response, the resolution clock at resolution or closure, paused while waiting on
-- the customer; no warning was ever fired (those versions had none). A cancelled one (an abandoned call of those
-- versions) is over, with nothing the desk could do: released.
UPDATE work_order wo
    LEFT JOIN customer c ON c.id = wo.customer_id
    LEFT JOIN skill s ON s.id = wo.product_skill_id
    LEFT JOIN seat st ON st.id = wo.owner_seat_id
SET wo.origin = IF(wo.call_linkedid IS NULL, 'EMAIL', 'CALL'),
    wo.contract_level = c.contract_level,
    wo.product_line = s.code,
    wo.owner_seat_code = st.code,
    wo.contacts = IF(wo.responded_at IS NULL, 0, 1),
    wo.response_stopped = wo.responded_at IS NOT NULL OR wo.state IN ('RESOLVED', 'CLOSED', 'CANCELLED'),
    wo.response_counted_ms = IF(wo.responded_at IS NULL, 0,
        GREATEST(0, TIMESTAMPDIFF(MICROSECOND, wo.created_at, wo.responded_at) DIV 1000)),
    wo.response_running_since = IF(wo.responded_at IS NULL AND wo.state NOT IN ('RESOLVED', 'CLOSED', 'CANCELLED'),
        wo.created_at, NULL),
    wo.resolution_stopped = wo.resolved_at IS NOT NULL OR wo.state IN ('RESOLVED', 'CLOSED', 'CANCELLED'),
    wo.resolution_counted_ms = CASE
        WHEN wo.resolved_at IS NOT NULL OR wo.state IN ('RESOLVED', 'CLOSED', 'CANCELLED')
            THEN GREATEST(0, TIMESTAMPDIFF(MICROSECOND, wo.created_at,
                COALESCE(wo.resolved_at, wo.closed_at, wo.updated_at)) DIV 1000)
        WHEN wo.state = 'WAITING_ON_CUSTOMER'
            THEN GREATEST(0, TIMESTAMPDIFF(MICROSECOND, wo.created_at, wo.updated_at) DIV 1000)
        ELSE 0 END,
    wo.resolution_running_since = IF(wo.resolved_at IS NULL
        AND wo.state NOT IN ('RESOLVED', 'CLOSED', 'CANCELLED', 'WAITING_ON_CUSTOMER'), wo.created_at, NULL),
    wo.released_at = IF(wo.state = 'CANCELLED', COALESCE(wo.closed_at, wo.updated_at), NULL);

-- origin stays NULL-able for writers that know nothing of the desk (imports, load generators): such a row is
-- read as the migration reads the rows of earlier versions.
ALTER TABLE work_order
    ADD CONSTRAINT ck_work_order_origin CHECK (origin IS NULL OR origin IN ('CALL', 'EMAIL', 'WALK_IN')),
    ADD CONSTRAINT ck_work_order_fired CHECK (response_fired BETWEEN 0 AND 7 AND resolution_fired BETWEEN 0 AND 7),
    ADD CONSTRAINT ck_work_order_counts CHECK (response_counted_ms >= 0 AND resolution_counted_ms >= 0
        AND contacts >= 0 AND reopens >= 0 AND audit_count >= 0),
    ADD INDEX ix_work_order_held (released_at, id);

-- ---------------------------------------------------------------------------------------------------------
-- The audit trail carries the desk's AuditEvent: its place in the work order's trail (sequence, 1 = opened;
-- NULL on routing's own trail rows and on rows of earlier versions), the severity, owner and contacts after the
-- change. The reason holds the whole text a person gave. New actor kinds: the call itself (CALLER) and the
-- desk (DESK).
-- ---------------------------------------------------------------------------------------------------------
ALTER TABLE work_order_event
    ADD COLUMN sequence         INT          NULL AFTER work_order_id,
    ADD COLUMN severity         VARCHAR(4)   NULL AFTER to_tier,
    ADD COLUMN owner_seat_code  VARCHAR(64)  NULL AFTER severity,
    ADD COLUMN contacts         INT          NULL AFTER owner_seat_code,
    MODIFY COLUMN actor         VARCHAR(128) NOT NULL,
    MODIFY COLUMN reason        TEXT         NULL,
    ADD CONSTRAINT uq_woe_sequence UNIQUE (work_order_id, sequence);

ALTER TABLE work_order_event DROP CONSTRAINT ck_woe_actor_kind;

ALTER TABLE work_order_event
    ADD CONSTRAINT ck_woe_actor_kind CHECK (actor_kind IN
        ('SYSTEM', 'SEAT', 'DUTY_MANAGER', 'ENGINEER', 'SUPERVISOR', 'ADMIN', 'CUSTOMER', 'CALLER', 'DESK'));

-- The product line routing used for the call (so a call left without a work order by a crash gets one with it).
ALTER TABLE call_record
    ADD COLUMN product_line VARCHAR(64) NULL AFTER queue;

-- ---------------------------------------------------------------------------------------------------------
-- Routing's journal entries about a call whose work order the desk has not inserted yet (the desk's entry comes
-- later in the journal): kept here as their journal lines, in the transaction that moved past them, and written
-- to the work order's trail (callbacks, scores) in the transaction that inserts it; then deleted.
-- ---------------------------------------------------------------------------------------------------------
CREATE TABLE journal_parked_entry (
    id               BIGINT       NOT NULL AUTO_INCREMENT,
    asterisk_server  VARCHAR(64)  NOT NULL,
    linkedid         VARCHAR(64)  NOT NULL,
    journal_seq      BIGINT       NOT NULL,
    line             TEXT         NOT NULL,
    parked_at        DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    INDEX ix_parked_call (asterisk_server, linkedid, journal_seq),
    INDEX ix_parked_at (parked_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Requests the service desk refused, with who asked (for the supervisor and the audit).
CREATE TABLE desk_refusal (
    id           BIGINT        NOT NULL AUTO_INCREMENT,
    subject      VARCHAR(128)  NOT NULL,
    request      VARCHAR(64)   NOT NULL,
    reason       TEXT          NOT NULL,
    actor_kind   VARCHAR(16)   NOT NULL,
    actor        VARCHAR(128)  NOT NULL,
    refused_at   DATETIME(3)   NOT NULL,
    journal_seq  BIGINT        NOT NULL,
    PRIMARY KEY (id),
    INDEX ix_desk_refusal_subject (subject, refused_at),
    INDEX ix_desk_refusal_actor (actor_kind, actor, refused_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- ---------------------------------------------------------------------------------------------------------
-- Each person's notification inbox: one row per recipient (a seat, one supervisor, or the supervisors' board)
-- and thing to tell: a work order opened or changed (its audit action in text), a clock warning (clock, level,
-- percent, when due, when fired), a refusal (the request's subject, and why in text). The desktops and the
-- wallboard read and push from here; read_at is set when the person has seen it.
-- ---------------------------------------------------------------------------------------------------------
CREATE TABLE notification (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    recipient_kind  VARCHAR(16)   NOT NULL,
    recipient_id    VARCHAR(128)  NOT NULL,
    kind            VARCHAR(24)   NOT NULL,
    work_order_id   BIGINT        NULL,
    clock           VARCHAR(16)   NULL,
    level           VARCHAR(16)   NULL,
    percent         INT           NULL,
    due_at          DATETIME(3)   NULL,
    subject         VARCHAR(128)  NULL,
    text            TEXT          NULL,
    created_at      DATETIME(3)   NOT NULL,
    read_at         DATETIME(3)   NULL,
    journal_seq     BIGINT        NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT ck_notification_recipient CHECK (recipient_kind IN ('SEAT', 'SUPERVISOR', 'SUPERVISORS')),
    CONSTRAINT ck_notification_kind CHECK (kind IN
        ('WORK_ORDER_OPENED', 'WORK_ORDER_CHANGED', 'CLOCK_WARNING', 'REFUSED')),
    INDEX ix_notification_inbox (recipient_kind, recipient_id, read_at, id),
    INDEX ix_notification_work_order (work_order_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
