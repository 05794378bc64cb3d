-- the time of the event that last wrote a position (ce_time), so a profile's input names when the position's minimum
-- education was stated, the same after a rebuild from the topics (updated_at is only when this replica was written)
alter table position_replica add column last_event_at timestamptz;
