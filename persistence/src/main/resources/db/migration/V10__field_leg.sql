-- ---------------------------------------------------------------------------------------------------------
-- The field leg (issue 16, docs/field-service.md): dispatch orders as the desk stores them
-- (routing.field.StoredDispatch), written through the durable journal, keyed by their work order's id (the number
-- engineers text). The columns hold exactly what the desk computed: the site, the state, each leg to a branch,
-- the engineer and the times of each step, the follow-up, the score, the deadlines fired (a mask of
-- FieldDeadline bits) and how many steps the trail has. branch_code is the current leg's branch (for the
-- console's queries); the legs are in field_dispatch_leg. The ranking is kept as text, one branch a part:
-- "CODE:km:load;CODE:km:load" (km as Java writes a double, so it reads back equal).
-- Coordinates and distances are DOUBLE, so what the desk computed is restored equal.
-- ---------------------------------------------------------------------------------------------------------
CREATE TABLE field_dispatch (
    work_order_id          BIGINT        NOT NULL,
    state                  VARCHAR(16)   NOT NULL,
    site_address           VARCHAR(400)  NOT NULL,
    site_latitude          DOUBLE        NULL,
    site_longitude         DOUBLE        NULL,
    site_region            VARCHAR(64)   NULL,
    product_line           VARCHAR(64)   NULL,
    contact_number         VARCHAR(32)   NULL,
    opened_at              DATETIME(3)   NOT NULL,
    branch_code            VARCHAR(32)   NULL,
    engineer_code          VARCHAR(32)   NULL,
    assign_due_at          DATETIME(3)   NULL,
    assigned_at            DATETIME(3)   NULL,
    appointment_at         DATETIME(3)   NULL,
    arrived_at             DATETIME(3)   NULL,
    completed_at           DATETIME(3)   NULL,
    completion_note        TEXT          NULL,
    follow_up_due_at       DATETIME(3)   NULL,
    follow_up_attempts     INT           NULL,
    follow_up_satisfaction TINYINT       NULL,
    follow_up_comment      TEXT          NULL,
    follow_up_recorded_at  DATETIME(3)   NULL,
    follow_up_recorded_by  VARCHAR(128)  NULL,
    score_total            INT           NULL,
    score_satisfaction     INT           NULL,
    score_punctuality      INT           NULL,
    score_deadlines        INT           NULL,
    closed_at              DATETIME(3)   NULL,
    fired                  INT           NOT NULL DEFAULT 0,
    steps                  INT           NOT NULL DEFAULT 0,
    ranking                TEXT          NOT NULL,
    updated_at             DATETIME(3)   NOT NULL,
    PRIMARY KEY (work_order_id),
    CONSTRAINT ck_field_dispatch_state CHECK (state IN ('UNPLACED', 'SENT', 'ACKNOWLEDGED', 'ASSIGNED',
        'SCHEDULED', 'ON_SITE', 'COMPLETED', 'CLOSED', 'CANCELLED')),
    CONSTRAINT ck_field_dispatch_satisfaction CHECK (follow_up_satisfaction IS NULL
        OR follow_up_satisfaction BETWEEN 1 AND 5),
    CONSTRAINT fk_field_dispatch_work_order FOREIGN KEY (work_order_id) REFERENCES work_order (id),
    -- the restore reads the open ones; the consoles read a branch's and an engineer's
    INDEX ix_field_dispatch_open (closed_at),
    INDEX ix_field_dispatch_branch (branch_code, state),
    INDEX ix_field_dispatch_engineer (engineer_code, state)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Each sending of a dispatch order to a branch, numbered from 1; replaced as the desk changes it.
CREATE TABLE field_dispatch_leg (
    work_order_id    BIGINT       NOT NULL,
    number           INT          NOT NULL,
    branch_code      VARCHAR(32)  NOT NULL,
    distance_km      DOUBLE       NOT NULL,
    sent_at          DATETIME(3)  NOT NULL,
    ack_due_at       DATETIME(3)  NOT NULL,
    acknowledged_at  DATETIME(3)  NULL,
    expired_at       DATETIME(3)  NULL,
    PRIMARY KEY (work_order_id, number),
    CONSTRAINT ck_field_leg_number CHECK (number >= 1),
    CONSTRAINT fk_field_leg_dispatch FOREIGN KEY (work_order_id) REFERENCES field_dispatch (work_order_id),
    INDEX ix_field_leg_branch (branch_code, sent_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A dispatch order's trail (routing.field.FieldStep), appended in order; a replayed step is written once.
CREATE TABLE field_step (
    id             BIGINT        NOT NULL AUTO_INCREMENT,
    work_order_id  BIGINT        NOT NULL,
    sequence       INT           NOT NULL,
    at             DATETIME(3)   NOT NULL,
    actor_kind     VARCHAR(16)   NOT NULL,
    actor          VARCHAR(128)  NOT NULL,
    step           VARCHAR(32)   NOT NULL,
    detail         TEXT          NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_field_step UNIQUE (work_order_id, sequence),
    CONSTRAINT fk_field_step_dispatch FOREIGN KEY (work_order_id) REFERENCES field_dispatch (work_order_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Headquarters' feed: one row per closed service event, with its score (the wallboard and the report read it).
CREATE TABLE field_report (
    work_order_id       BIGINT        NOT NULL,
    branch_code         VARCHAR(32)   NULL,
    engineer_code       VARCHAR(32)   NULL,
    product_line        VARCHAR(64)   NULL,
    site_region         VARCHAR(64)   NULL,
    legs                INT           NOT NULL,
    distance_km         DOUBLE        NULL,
    opened_at           DATETIME(3)   NOT NULL,
    acknowledged_at     DATETIME(3)   NULL,
    assigned_at         DATETIME(3)   NULL,
    appointment_at      DATETIME(3)   NULL,
    arrived_at          DATETIME(3)   NULL,
    completed_at        DATETIME(3)   NULL,
    closed_at           DATETIME(3)   NULL,
    satisfaction        TINYINT       NULL,
    follow_up_attempts  INT           NULL,
    score_total         INT           NOT NULL,
    score_satisfaction  INT           NULL,
    score_punctuality   INT           NOT NULL,
    score_deadlines     INT           NOT NULL,
    reported_at         DATETIME(3)   NOT NULL,
    PRIMARY KEY (work_order_id),
    CONSTRAINT fk_field_report_work_order FOREIGN KEY (work_order_id) REFERENCES work_order (id),
    INDEX ix_field_report_reported (reported_at),
    INDEX ix_field_report_branch (branch_code, reported_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- ---------------------------------------------------------------------------------------------------------
-- SMS for the new flow. Outbound: stored QUEUED through the journal, once per (work order, key) (a replayed
-- command is not sent twice; work_order_id 0 = about no order), sent by the sms-sender: attempts, the next
-- attempt's time, sent_at and the gateway's id. Inbound: stored RECEIVED, once per gateway message id, then
-- ACCEPTED or REJECTED with the order it named (work_order_id, not a foreign key: a refused text may name an order
-- that does not exist) and the reason (error).
-- The early dispatch_order table was never used by Hotline: dropped, with the keys that pointed at it.
-- ---------------------------------------------------------------------------------------------------------
ALTER TABLE sms_message DROP FOREIGN KEY fk_sms_dispatch;
ALTER TABLE satisfaction_survey DROP FOREIGN KEY fk_survey_dispatch;
DROP TABLE dispatch_order;

ALTER TABLE sms_message
    DROP COLUMN dispatch_order_id,
    ADD COLUMN work_order_id    BIGINT       NULL AFTER engineer_id,
    ADD COLUMN sms_key          VARCHAR(64)  NULL AFTER work_order_id,
    ADD COLUMN attempts         INT          NOT NULL DEFAULT 0,
    ADD COLUMN next_attempt_at  DATETIME(3)  NULL,
    ADD COLUMN sent_at          DATETIME(3)  NULL,
    ADD CONSTRAINT uq_sms_order_key UNIQUE (direction, work_order_id, sms_key),
    ADD INDEX ix_sms_due (direction, status, next_attempt_at),
    ADD INDEX ix_sms_work_order (work_order_id, created_at);
