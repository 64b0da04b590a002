-- Hotline's domain schema. Runs on MySQL 8 and MariaDB 10.11+.
-- Every time column is DATETIME(3) holding UTC (the session zone is forced to UTC by the JDBC URL and
-- instants are bound as UTC strings with milliseconds; see UtcInstants).
-- Enumerations are VARCHAR with CHECK constraints rather than ENUM, so adding a value is a cheap migration
-- on both servers and the Java enum name is what is stored.

-- ---------------------------------------------------------------------------------------------------------
-- Skills: product lines, their modules, languages. Seats, engineers, customers' products refer to them.
-- ---------------------------------------------------------------------------------------------------------
CREATE TABLE skill (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    code        VARCHAR(64)  NOT NULL,
    name        VARCHAR(200) NOT NULL,
    kind        VARCHAR(16)  NOT NULL,
    parent_id   BIGINT       NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_skill_code UNIQUE (code),
    CONSTRAINT ck_skill_kind CHECK (kind IN ('PRODUCT_LINE', 'MODULE', 'LANGUAGE')),
    CONSTRAINT fk_skill_parent FOREIGN KEY (parent_id) REFERENCES skill (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- ---------------------------------------------------------------------------------------------------------
-- Customers, their phone numbers (caller lookup) and installed products.
-- ---------------------------------------------------------------------------------------------------------
CREATE TABLE customer (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    code            VARCHAR(32)   NOT NULL,
    name            VARCHAR(200)  NOT NULL,
    region          VARCHAR(64)   NOT NULL,
    site_address    VARCHAR(400)  NOT NULL,
    latitude        DECIMAL(9, 6) NOT NULL,
    longitude       DECIMAL(9, 6) NOT NULL,
    contract_level  VARCHAR(16)   NOT NULL,
    vip             BOOLEAN       NOT NULL DEFAULT FALSE,
    created_at      DATETIME(3)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_customer_code UNIQUE (code),
    CONSTRAINT ck_customer_contract CHECK (contract_level IN ('BASIC', 'STANDARD', 'PREMIUM')),
    CONSTRAINT ck_customer_latitude CHECK (latitude BETWEEN -90 AND 90),
    CONSTRAINT ck_customer_longitude CHECK (longitude BETWEEN -180 AND 180),
    INDEX ix_customer_region (region)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- phone_number is stored normalised (digits, optional leading +), exactly as the caller id is looked up.
CREATE TABLE customer_phone (
    id            BIGINT      NOT NULL AUTO_INCREMENT,
    customer_id   BIGINT      NOT NULL,
    phone_number  VARCHAR(32) NOT NULL,
    label         VARCHAR(32) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_customer_phone UNIQUE (phone_number, customer_id),
    CONSTRAINT fk_customer_phone_customer FOREIGN KEY (customer_id) REFERENCES customer (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE customer_product (
    id                BIGINT      NOT NULL AUTO_INCREMENT,
    customer_id       BIGINT      NOT NULL,
    product_skill_id  BIGINT      NOT NULL,
    version           VARCHAR(32) NOT NULL,
    installed_on      DATE        NULL,
    licence_expires_on DATE       NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_customer_product UNIQUE (customer_id, product_skill_id),
    CONSTRAINT fk_customer_product_customer FOREIGN KEY (customer_id) REFERENCES customer (id) ON DELETE CASCADE,
    CONSTRAINT fk_customer_product_skill FOREIGN KEY (product_skill_id) REFERENCES skill (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE customer_product_module (
    customer_product_id  BIGINT NOT NULL,
    module_skill_id      BIGINT NOT NULL,
    PRIMARY KEY (customer_product_id, module_skill_id),
    CONSTRAINT fk_cpm_product FOREIGN KEY (customer_product_id) REFERENCES customer_product (id) ON DELETE CASCADE,
    CONSTRAINT fk_cpm_skill FOREIGN KEY (module_skill_id) REFERENCES skill (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- ---------------------------------------------------------------------------------------------------------
-- Seats: the people on softphones, by tier, with skills at proficiency 1-5.
-- ---------------------------------------------------------------------------------------------------------
CREATE TABLE seat (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    code          VARCHAR(32)  NOT NULL,
    name          VARCHAR(200) NOT NULL,
    tier          VARCHAR(16)  NOT NULL,
    sip_endpoint  VARCHAR(128) NOT NULL,
    active        BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at    DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_seat_code UNIQUE (code),
    CONSTRAINT uq_seat_sip_endpoint UNIQUE (sip_endpoint),
    CONSTRAINT ck_seat_tier CHECK (tier IN ('TIER1', 'TIER2', 'EXPERT'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE seat_skill (
    seat_id      BIGINT  NOT NULL,
    skill_id     BIGINT  NOT NULL,
    proficiency  TINYINT NOT NULL,
    PRIMARY KEY (seat_id, skill_id),
    CONSTRAINT ck_seat_skill_proficiency CHECK (proficiency BETWEEN 1 AND 5),
    CONSTRAINT fk_seat_skill_seat FOREIGN KEY (seat_id) REFERENCES seat (id) ON DELETE CASCADE,
    CONSTRAINT fk_seat_skill_skill FOREIGN KEY (skill_id) REFERENCES skill (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- ---------------------------------------------------------------------------------------------------------
-- Branches: location, regions covered, duty roster; field engineers with their registered mobiles.
-- ---------------------------------------------------------------------------------------------------------
CREATE TABLE branch (
    id                  BIGINT        NOT NULL AUTO_INCREMENT,
    code                VARCHAR(32)   NOT NULL,
    name                VARCHAR(200)  NOT NULL,
    city                VARCHAR(64)   NOT NULL,
    province            VARCHAR(64)   NOT NULL,
    address             VARCHAR(400)  NOT NULL,
    latitude            DECIMAL(9, 6) NOT NULL,
    longitude           DECIMAL(9, 6) NOT NULL,
    time_zone           VARCHAR(64)   NOT NULL DEFAULT 'Asia/Shanghai',
    duty_manager_name   VARCHAR(200)  NOT NULL,
    duty_manager_phone  VARCHAR(32)   NOT NULL,
    active              BOOLEAN       NOT NULL DEFAULT TRUE,
    PRIMARY KEY (id),
    CONSTRAINT uq_branch_code UNIQUE (code),
    CONSTRAINT ck_branch_latitude CHECK (latitude BETWEEN -90 AND 90),
    CONSTRAINT ck_branch_longitude CHECK (longitude BETWEEN -180 AND 180)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE branch_region (
    branch_id  BIGINT      NOT NULL,
    region     VARCHAR(64) NOT NULL,
    PRIMARY KEY (branch_id, region),
    CONSTRAINT fk_branch_region_branch FOREIGN KEY (branch_id) REFERENCES branch (id) ON DELETE CASCADE,
    INDEX ix_branch_region_region (region)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One row per weekly shift; day_of_week is ISO (1 = Monday). The manager on duty receives dispatch orders.
CREATE TABLE branch_duty_shift (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    branch_id      BIGINT       NOT NULL,
    day_of_week    TINYINT      NOT NULL,
    starts_at      TIME         NOT NULL,
    ends_at        TIME         NOT NULL,
    manager_name   VARCHAR(200) NOT NULL,
    manager_phone  VARCHAR(32)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_branch_duty_shift UNIQUE (branch_id, day_of_week, starts_at),
    CONSTRAINT ck_branch_duty_day CHECK (day_of_week BETWEEN 1 AND 7),
    CONSTRAINT ck_branch_duty_times CHECK (ends_at > starts_at),
    CONSTRAINT fk_branch_duty_branch FOREIGN KEY (branch_id) REFERENCES branch (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE field_engineer (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    code          VARCHAR(32)  NOT NULL,
    branch_id     BIGINT       NOT NULL,
    name          VARCHAR(200) NOT NULL,
    mobile_phone  VARCHAR(32)  NOT NULL,
    active        BOOLEAN      NOT NULL DEFAULT TRUE,
    PRIMARY KEY (id),
    CONSTRAINT uq_field_engineer_code UNIQUE (code),
    -- SMS check-ins are trusted only from a registered phone, so a phone belongs to one engineer.
    CONSTRAINT uq_field_engineer_mobile UNIQUE (mobile_phone),
    CONSTRAINT fk_field_engineer_branch FOREIGN KEY (branch_id) REFERENCES branch (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE field_engineer_skill (
    engineer_id  BIGINT  NOT NULL,
    skill_id     BIGINT  NOT NULL,
    proficiency  TINYINT NOT NULL,
    PRIMARY KEY (engineer_id, skill_id),
    CONSTRAINT ck_fes_proficiency CHECK (proficiency BETWEEN 1 AND 5),
    CONSTRAINT fk_fes_engineer FOREIGN KEY (engineer_id) REFERENCES field_engineer (id) ON DELETE CASCADE,
    CONSTRAINT fk_fes_skill FOREIGN KEY (skill_id) REFERENCES skill (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- ---------------------------------------------------------------------------------------------------------
-- Calls: one row per Asterisk call leg that entered Hotline, tagged by server.
-- ---------------------------------------------------------------------------------------------------------
CREATE TABLE call_record (
    id                   BIGINT       NOT NULL AUTO_INCREMENT,
    asterisk_server      VARCHAR(64)  NOT NULL,
    uniqueid             VARCHAR(64)  NOT NULL,
    linkedid             VARCHAR(64)  NOT NULL,
    caller_number        VARCHAR(64)  NULL,
    dialled_number       VARCHAR(64)  NULL,
    customer_id          BIGINT       NULL,
    queue                VARCHAR(64)  NULL,
    joined_at            DATETIME(3)  NOT NULL,
    offered_at           DATETIME(3)  NULL,
    answered_at          DATETIME(3)  NULL,
    ended_at             DATETIME(3)  NULL,
    seat_id              BIGINT       NULL,
    outcome              VARCHAR(16)  NULL,
    wait_ms              INT          NULL,
    routing_explanation  TEXT         NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_call_uniqueid UNIQUE (asterisk_server, uniqueid),
    CONSTRAINT ck_call_outcome CHECK (outcome IS NULL OR outcome IN
        ('ANSWERED', 'ABANDONED', 'CALLBACK', 'AFTER_HOURS', 'VOICEMAIL', 'TRANSFERRED', 'FAILED')),
    CONSTRAINT ck_call_wait CHECK (wait_ms IS NULL OR wait_ms >= 0),
    CONSTRAINT fk_call_customer FOREIGN KEY (customer_id) REFERENCES customer (id),
    CONSTRAINT fk_call_seat FOREIGN KEY (seat_id) REFERENCES seat (id),
    INDEX ix_call_linkedid (asterisk_server, linkedid),
    INDEX ix_call_joined (joined_at),
    INDEX ix_call_seat (seat_id, joined_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- ---------------------------------------------------------------------------------------------------------
-- Work orders: exactly one per call (unique on the call's server + linkedid); NULL linkedid for work orders
-- opened without a call (callbacks, proactive care). Escalation moves tier; state is the lifecycle.
-- ---------------------------------------------------------------------------------------------------------
CREATE TABLE work_order (
    id                 BIGINT       NOT NULL AUTO_INCREMENT,
    asterisk_server    VARCHAR(64)  NULL,
    call_linkedid      VARCHAR(64)  NULL,
    customer_id        BIGINT       NULL,
    caller_number      VARCHAR(64)  NULL,
    product_skill_id   BIGINT       NULL,
    subject            VARCHAR(400) NULL,
    severity           VARCHAR(4)   NOT NULL,
    state              VARCHAR(24)  NOT NULL,
    tier               VARCHAR(16)  NOT NULL,
    owner_seat_id      BIGINT       NULL,
    created_at         DATETIME(3)  NOT NULL,
    updated_at         DATETIME(3)  NOT NULL,
    response_due_at    DATETIME(3)  NOT NULL,
    resolution_due_at  DATETIME(3)  NOT NULL,
    responded_at       DATETIME(3)  NULL,
    resolved_at        DATETIME(3)  NULL,
    closed_at          DATETIME(3)  NULL,
    version            INT          NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uq_work_order_call UNIQUE (asterisk_server, call_linkedid),
    CONSTRAINT ck_work_order_severity CHECK (severity IN ('P1', 'P2', 'P3')),
    CONSTRAINT ck_work_order_state CHECK (state IN
        ('NEW', 'IN_PROGRESS', 'WAITING_ON_CUSTOMER', 'DISPATCHED', 'RESOLVED', 'CLOSED', 'CANCELLED')),
    CONSTRAINT ck_work_order_tier CHECK (tier IN ('TIER1', 'TIER2', 'EXPERT', 'REMOTE', 'ON_SITE')),
    CONSTRAINT ck_work_order_call_pair CHECK ((asterisk_server IS NULL) = (call_linkedid IS NULL)),
    CONSTRAINT fk_work_order_customer FOREIGN KEY (customer_id) REFERENCES customer (id),
    CONSTRAINT fk_work_order_product FOREIGN KEY (product_skill_id) REFERENCES skill (id),
    CONSTRAINT fk_work_order_owner FOREIGN KEY (owner_seat_id) REFERENCES seat (id),
    INDEX ix_work_order_customer_state (customer_id, state),
    INDEX ix_work_order_state_due (state, resolution_due_at),
    INDEX ix_work_order_owner (owner_seat_id, state)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Append-only audit trail: who did what, when and why. Hotline never updates or deletes these rows.
CREATE TABLE work_order_event (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    work_order_id  BIGINT       NOT NULL,
    occurred_at    DATETIME(3)  NOT NULL,
    actor_kind     VARCHAR(16)  NOT NULL,
    actor          VARCHAR(64)  NOT NULL,
    action         VARCHAR(32)  NOT NULL,
    from_state     VARCHAR(24)  NULL,
    to_state       VARCHAR(24)  NULL,
    from_tier      VARCHAR(16)  NULL,
    to_tier        VARCHAR(16)  NULL,
    reason         VARCHAR(1000) NULL,
    PRIMARY KEY (id),
    CONSTRAINT ck_woe_actor_kind CHECK (actor_kind IN
        ('SYSTEM', 'SEAT', 'DUTY_MANAGER', 'ENGINEER', 'SUPERVISOR', 'ADMIN', 'CUSTOMER')),
    CONSTRAINT fk_woe_work_order FOREIGN KEY (work_order_id) REFERENCES work_order (id),
    INDEX ix_woe_work_order (work_order_id, occurred_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- ---------------------------------------------------------------------------------------------------------
-- Dispatch orders: on-site service, with a timestamp for every step and the deadline of each leg.
-- ---------------------------------------------------------------------------------------------------------
CREATE TABLE dispatch_order (
    id                 BIGINT         NOT NULL AUTO_INCREMENT,
    work_order_id      BIGINT         NOT NULL,
    branch_id          BIGINT         NOT NULL,
    engineer_id        BIGINT         NULL,
    state              VARCHAR(24)    NOT NULL,
    distance_km        DECIMAL(8, 2)  NULL,
    created_at         DATETIME(3)    NOT NULL,
    send_due_at        DATETIME(3)    NOT NULL,
    sent_at            DATETIME(3)    NULL,
    acknowledged_at    DATETIME(3)    NULL,
    assign_due_at      DATETIME(3)    NULL,
    assigned_at        DATETIME(3)    NULL,
    appointment_at     DATETIME(3)    NULL,
    arrived_at         DATETIME(3)    NULL,
    completed_at       DATETIME(3)    NULL,
    survey_due_at      DATETIME(3)    NULL,
    closed_at          DATETIME(3)    NULL,
    cancelled_at       DATETIME(3)    NULL,
    cancel_reason      VARCHAR(1000)  NULL,
    redispatched_at    DATETIME(3)    NULL,
    replaced_by_id     BIGINT         NULL,
    version            INT            NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT ck_dispatch_state CHECK (state IN ('CREATED', 'SENT', 'ACKNOWLEDGED', 'ASSIGNED', 'SCHEDULED',
        'ON_SITE', 'COMPLETED', 'CLOSED', 'CANCELLED', 'REDISPATCHED')),
    CONSTRAINT fk_dispatch_work_order FOREIGN KEY (work_order_id) REFERENCES work_order (id),
    CONSTRAINT fk_dispatch_branch FOREIGN KEY (branch_id) REFERENCES branch (id),
    CONSTRAINT fk_dispatch_engineer FOREIGN KEY (engineer_id) REFERENCES field_engineer (id),
    CONSTRAINT fk_dispatch_replaced_by FOREIGN KEY (replaced_by_id) REFERENCES dispatch_order (id),
    INDEX ix_dispatch_work_order (work_order_id),
    -- the deadline timers scan open orders by state and next due time
    INDEX ix_dispatch_state_due (state, send_due_at),
    INDEX ix_dispatch_branch_state (branch_id, state),
    INDEX ix_dispatch_engineer_state (engineer_id, state)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- ---------------------------------------------------------------------------------------------------------
-- SMS in and out. The gateway's message id is unique per direction (gateways may number inbound and outbound
-- separately), so a webhook delivered twice is recorded once.
-- ---------------------------------------------------------------------------------------------------------
CREATE TABLE sms_message (
    id                  BIGINT        NOT NULL AUTO_INCREMENT,
    direction           VARCHAR(8)    NOT NULL,
    gateway_message_id  VARCHAR(128)  NULL,
    phone_number        VARCHAR(32)   NOT NULL,
    body                VARCHAR(2000) NOT NULL,
    status              VARCHAR(16)   NOT NULL,
    engineer_id         BIGINT        NULL,
    dispatch_order_id   BIGINT        NULL,
    created_at          DATETIME(3)   NOT NULL,
    processed_at        DATETIME(3)   NULL,
    error               VARCHAR(1000) NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_sms_gateway_message UNIQUE (direction, gateway_message_id),
    CONSTRAINT ck_sms_direction CHECK (direction IN ('IN', 'OUT')),
    CONSTRAINT ck_sms_status CHECK (status IN
        ('RECEIVED', 'ACCEPTED', 'REJECTED', 'QUEUED', 'SENT', 'DELIVERED', 'FAILED')),
    CONSTRAINT fk_sms_engineer FOREIGN KEY (engineer_id) REFERENCES field_engineer (id),
    CONSTRAINT fk_sms_dispatch FOREIGN KEY (dispatch_order_id) REFERENCES dispatch_order (id),
    INDEX ix_sms_phone (phone_number, created_at),
    INDEX ix_sms_status (direction, status)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- ---------------------------------------------------------------------------------------------------------
-- Satisfaction surveys: post-call IVR and the supervisor's call-back after on-site work.
-- ---------------------------------------------------------------------------------------------------------
CREATE TABLE satisfaction_survey (
    id                 BIGINT        NOT NULL AUTO_INCREMENT,
    work_order_id      BIGINT        NOT NULL,
    dispatch_order_id  BIGINT        NULL,
    channel            VARCHAR(24)   NOT NULL,
    due_at             DATETIME(3)   NOT NULL,
    attempts           INT           NOT NULL DEFAULT 0,
    outcome            VARCHAR(16)   NOT NULL,
    score              TINYINT       NULL,
    auto_score         DECIMAL(5, 2) NULL,
    comment_text       VARCHAR(2000) NULL,
    surveyed_by        VARCHAR(64)   NULL,
    recorded_at        DATETIME(3)   NULL,
    reported_at        DATETIME(3)   NULL,
    PRIMARY KEY (id),
    CONSTRAINT ck_survey_channel CHECK (channel IN ('IVR', 'SUPERVISOR_CALL', 'WEB')),
    CONSTRAINT ck_survey_outcome CHECK (outcome IN ('PENDING', 'ANSWERED', 'DECLINED', 'UNREACHABLE')),
    CONSTRAINT ck_survey_score CHECK (score IS NULL OR score BETWEEN 1 AND 5),
    CONSTRAINT fk_survey_work_order FOREIGN KEY (work_order_id) REFERENCES work_order (id),
    CONSTRAINT fk_survey_dispatch FOREIGN KEY (dispatch_order_id) REFERENCES dispatch_order (id),
    INDEX ix_survey_work_order (work_order_id),
    INDEX ix_survey_due (outcome, due_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- ---------------------------------------------------------------------------------------------------------
-- Callbacks offered to waiting or after-hours callers; tied to the caller's work order and its SLA clock.
-- ---------------------------------------------------------------------------------------------------------
CREATE TABLE callback_request (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    work_order_id   BIGINT       NOT NULL,
    phone_number    VARCHAR(32)  NOT NULL,
    requested_at    DATETIME(3)  NOT NULL,
    due_at          DATETIME(3)  NOT NULL,
    attempts        INT          NOT NULL DEFAULT 0,
    state           VARCHAR(16)  NOT NULL,
    completed_at    DATETIME(3)  NULL,
    PRIMARY KEY (id),
    CONSTRAINT ck_callback_state CHECK (state IN ('PENDING', 'DIALLING', 'CONNECTED', 'FAILED', 'CANCELLED')),
    CONSTRAINT fk_callback_work_order FOREIGN KEY (work_order_id) REFERENCES work_order (id),
    INDEX ix_callback_due (state, due_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- ---------------------------------------------------------------------------------------------------------
-- Knowledge base: solutions found, searchable by full text.
-- ---------------------------------------------------------------------------------------------------------
CREATE TABLE kb_article (
    id                    BIGINT        NOT NULL AUTO_INCREMENT,
    code                  VARCHAR(32)   NOT NULL,
    title                 VARCHAR(400)  NOT NULL,
    body                  TEXT          NOT NULL,
    product_skill_id      BIGINT        NULL,
    source_work_order_id  BIGINT        NULL,
    author                VARCHAR(64)   NOT NULL,
    created_at            DATETIME(3)   NOT NULL,
    updated_at            DATETIME(3)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_kb_article_code UNIQUE (code),
    CONSTRAINT fk_kb_product FOREIGN KEY (product_skill_id) REFERENCES skill (id),
    CONSTRAINT fk_kb_work_order FOREIGN KEY (source_work_order_id) REFERENCES work_order (id),
    FULLTEXT INDEX ft_kb_article (title, body)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
