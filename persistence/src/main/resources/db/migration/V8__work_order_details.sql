-- ---------------------------------------------------------------------------------------------------------
-- What a person at a desktop writes on a work order beyond its summary (routing.desk.WorkOrderDetails): the
-- category of the problem, working notes, the resolution text given when it was last resolved, and the site an
-- on-site engineer goes to (given on the escalation to ON_SITE). The desk decides them; these columns hold what
-- it computed, so that a restart restores them. NULL until somebody writes one. (V7 is the accounts'.)
-- ---------------------------------------------------------------------------------------------------------
ALTER TABLE work_order
    ADD COLUMN category         VARCHAR(200)  NULL AFTER summary,
    ADD COLUMN notes            TEXT          NULL AFTER category,
    ADD COLUMN resolution_text  TEXT          NULL AFTER notes,
    ADD COLUMN site             VARCHAR(1000) NULL AFTER resolution_text;
