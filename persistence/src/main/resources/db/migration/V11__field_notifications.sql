-- The field leg's notifications go to the same durable inbox as the desk's: a branch's console (its duty managers)
-- is a recipient, and dispatch changes, headquarters' alerts and due follow-ups are kinds.
ALTER TABLE notification
    DROP CONSTRAINT ck_notification_recipient,
    DROP CONSTRAINT ck_notification_kind;
ALTER TABLE notification
    ADD CONSTRAINT ck_notification_recipient CHECK (recipient_kind IN ('SEAT', 'SUPERVISOR', 'SUPERVISORS', 'BRANCH')),
    ADD CONSTRAINT ck_notification_kind CHECK (kind IN
        ('WORK_ORDER_OPENED', 'WORK_ORDER_CHANGED', 'CLOCK_WARNING', 'REFUSED', 'DISPATCH_CHANGED', 'HQ_ALERT',
         'FOLLOW_UP_DUE'));
