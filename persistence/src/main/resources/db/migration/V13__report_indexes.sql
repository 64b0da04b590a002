-- The service-quality report (docs/figures.md) reads a period's records by the time each figure is counted at:
-- work orders by opening and by resolution, the desk's audit trail by time (also ServiceFiguresQuery's period),
-- dispatch legs by sending and acknowledgement, surveys and follow-up calls by when they were answered, and
-- licences by expiry. V12 already indexes work orders by opening, the trail by time, follow-up calls and surveys
-- (today's figures read them too); these are the rest. Without them each of those reads scans its whole table.
CREATE INDEX ix_work_order_resolved ON work_order (resolved_at);
CREATE INDEX ix_field_leg_sent ON field_dispatch_leg (sent_at);
CREATE INDEX ix_field_leg_acknowledged ON field_dispatch_leg (acknowledged_at);
CREATE INDEX ix_customer_product_licence ON customer_product (licence_expires_on);
