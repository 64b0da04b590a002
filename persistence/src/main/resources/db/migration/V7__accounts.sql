-- ---------------------------------------------------------------------------------------------------------
-- The people who sign in to Hotline (issue 15): accounts with one role each, their sessions, and the audit of
-- what supervisors and admins changed and of every sign-in attempt.
-- An agent's account is bound to a seat, a duty manager's to a branch (CHECK below, and checked by the CLI with
-- a readable message first). phone is a supervisor's SIP endpoint (PJSIP/2001) that listen, whisper and barge
-- call. password_hash is an Argon2id PHC string ($argon2id$v=19$m=19456,t=2,p=1$salt$hash), never the password.
-- ---------------------------------------------------------------------------------------------------------
CREATE TABLE account (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    login          VARCHAR(64)  NOT NULL,
    display_name   VARCHAR(200) NOT NULL,
    role           VARCHAR(16)  NOT NULL,
    seat_id        BIGINT       NULL,
    branch_id      BIGINT       NULL,
    phone          VARCHAR(128) NULL,
    password_hash  VARCHAR(255) NOT NULL,
    disabled       BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at     DATETIME(3)  NOT NULL,
    updated_at     DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_account_login UNIQUE (login),
    CONSTRAINT fk_account_seat FOREIGN KEY (seat_id) REFERENCES seat (id),
    CONSTRAINT fk_account_branch FOREIGN KEY (branch_id) REFERENCES branch (id),
    CONSTRAINT ck_account_role CHECK (role IN ('AGENT', 'SUPERVISOR', 'DUTY_MANAGER', 'ADMIN')),
    CONSTRAINT ck_account_agent_seat CHECK (role <> 'AGENT' OR seat_id IS NOT NULL),
    CONSTRAINT ck_account_manager_branch CHECK (role <> 'DUTY_MANAGER' OR branch_id IS NOT NULL),
    INDEX ix_account_role (role)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One row per sign-in. The token itself is never stored: token_hash is the SHA-256 of it, in lower-case hex.
-- A session is live while revoked_at is NULL and expires_at is in the future; Hotline holds the live ones in
-- memory and polls revoked_at to learn of revocations made by the CLI in another process.
CREATE TABLE account_session (
    token_hash      CHAR(64)     NOT NULL,
    account_id      BIGINT       NOT NULL,
    created_at      DATETIME(3)  NOT NULL,
    expires_at      DATETIME(3)  NOT NULL,
    revoked_at      DATETIME(3)  NULL,
    remote_address  VARCHAR(64)  NULL,
    PRIMARY KEY (token_hash),
    CONSTRAINT fk_account_session_account FOREIGN KEY (account_id) REFERENCES account (id),
    INDEX ix_account_session_account (account_id),
    INDEX ix_account_session_expires (expires_at),
    INDEX ix_account_session_revoked (revoked_at)
) ENGINE = InnoDB DEFAULT CHARSET = ascii COLLATE = ascii_bin;

-- What people did: every state-changing request of a supervisor or an admin (action = the route's name,
-- subject = the path, status = the HTTP status answered) and every sign-in (action LOGIN, status LOGGED_IN,
-- REFUSED or THROTTLED). login is as typed for a refused sign-in: it need not name an account.
CREATE TABLE person_audit (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    at              DATETIME(3)   NOT NULL,
    login           VARCHAR(64)   NOT NULL,
    role            VARCHAR(16)   NULL,
    action          VARCHAR(64)   NOT NULL,
    subject         VARCHAR(400)  NULL,
    detail          VARCHAR(1000) NULL,
    status          VARCHAR(32)   NOT NULL,
    remote_address  VARCHAR(64)   NULL,
    PRIMARY KEY (id),
    INDEX ix_person_audit_at (at),
    INDEX ix_person_audit_login_at (login, at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
