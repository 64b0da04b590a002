-- ---------------------------------------------------------------------------------------------------------
-- The routing journal's outbox checkpoint: the number of the last local journal entry whose writes are in this
-- database. It moves in the same transaction as those writes, so after an outage or a crash the outbox replays
-- exactly the entries after it, and none twice.
-- ---------------------------------------------------------------------------------------------------------
CREATE TABLE routing_journal_checkpoint (
    journal      VARCHAR(64)  NOT NULL,
    applied_seq  BIGINT       NOT NULL,
    updated_at   DATETIME(3)  NOT NULL,
    PRIMARY KEY (journal)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
