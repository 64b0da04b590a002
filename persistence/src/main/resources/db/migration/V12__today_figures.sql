-- ---------------------------------------------------------------------------------------------------------
-- Today's figures (persistence.figures.TodayFiguresQuery, every HOTLINE_FIGURES_INTERVAL) read each table by a
-- time range from today's midnight: these indexes keep each read to the day's rows. call_record is read by
-- ix_call_joined (V1). The work orders' trail by time also serves ServiceFiguresQuery's period.
-- ---------------------------------------------------------------------------------------------------------
CREATE INDEX ix_work_order_created ON work_order (created_at);
CREATE INDEX ix_woe_occurred ON work_order_event (occurred_at);
CREATE INDEX ix_notification_kind_created ON notification (kind, created_at);
CREATE INDEX ix_field_step_at ON field_step (at);
CREATE INDEX ix_survey_recorded ON satisfaction_survey (recorded_at);
CREATE INDEX ix_field_dispatch_follow_up ON field_dispatch (follow_up_recorded_at);
