-- ---------------------------------------------------------------------------------------------------------
-- Callbacks routed to seats like calls (issue 15). A callback keeps the caller's place in the queue: place_at
-- (a seat's appointment), else its work order's creation (the original call's arrival). The last attempt's
-- outcome and seat are kept for the supervisors' list, and a callback whose attempts all went unanswered ends
-- NO_ANSWER (FAILED: it could not be dialled).
-- ---------------------------------------------------------------------------------------------------------
ALTER TABLE callback_request
    ADD COLUMN queue           VARCHAR(64)  NULL,
    ADD COLUMN place_at        DATETIME(3)  NULL,
    ADD COLUMN last_outcome    VARCHAR(16)  NULL,
    ADD COLUMN last_seat_id    VARCHAR(32)  NULL,
    ADD COLUMN last_attempt_at DATETIME(3)  NULL;

ALTER TABLE callback_request DROP CONSTRAINT ck_callback_state;

ALTER TABLE callback_request ADD CONSTRAINT ck_callback_state
    CHECK (state IN ('PENDING', 'DIALLING', 'CONNECTED', 'NO_ANSWER', 'FAILED', 'CANCELLED'));

ALTER TABLE callback_request ADD CONSTRAINT ck_callback_last_outcome
    CHECK (last_outcome IS NULL OR last_outcome IN ('CONNECTED', 'NO_ANSWER', 'FAILED'));
