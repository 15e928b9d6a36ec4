-- When a run began reading what it matches (committed at that moment, apart from the run's own transaction).
-- A documents import joins a run over everything that has not begun yet instead of queuing one more: a CRM that
-- posts its documents one call at a time then queues one run, not one per call.
ALTER TABLE matching_run ADD COLUMN work_started_at TIMESTAMP WITH TIME ZONE;
