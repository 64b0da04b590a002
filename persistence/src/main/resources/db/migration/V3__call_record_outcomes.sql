-- ---------------------------------------------------------------------------------------------------------
-- The call's record, written by the routing journal from arrival to end (README, "The routing journal"):
-- talk time, the number of offers, since when the caller waits for a seat (NULL while talking or once ended), and
-- the journal entry last applied to the row (so an entry applied twice changes nothing). New outcomes: FALLBACK (the dialplan's fallback queue served the caller) and ESCALATED
-- (a seat moved the call up the ladder; it keeps this outcome to its end). The old values stay valid.
-- ---------------------------------------------------------------------------------------------------------
ALTER TABLE call_record
    ADD COLUMN talk_ms     BIGINT  NULL AFTER wait_ms,
    ADD COLUMN offers      INT     NOT NULL DEFAULT 0 AFTER offered_at,
    ADD COLUMN waiting_since DATETIME(3) NULL AFTER joined_at,
    ADD COLUMN journal_seq BIGINT  NOT NULL DEFAULT 0;

ALTER TABLE call_record DROP CONSTRAINT ck_call_outcome;

ALTER TABLE call_record
    ADD CONSTRAINT ck_call_outcome CHECK (outcome IS NULL OR outcome IN
        ('ANSWERED', 'ABANDONED', 'CALLBACK', 'AFTER_HOURS', 'VOICEMAIL', 'TRANSFERRED', 'FAILED', 'FALLBACK',
         'ESCALATED')),
    ADD CONSTRAINT ck_call_talk CHECK (talk_ms IS NULL OR talk_ms >= 0),
    ADD CONSTRAINT ck_call_offers CHECK (offers >= 0);

-- Calls still open (no end yet), looked up when Hotline starts after a crash.
CREATE INDEX ix_call_open ON call_record (asterisk_server, ended_at);
