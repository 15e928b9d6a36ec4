-- The Camunda task of a transaction's open manualMatch task, stored when the task is created, so that links to it
-- (workbench, Tasklist) need no engine query. Empty for tasks created before this column: those are looked up.
ALTER TABLE manual_match_task ADD COLUMN task_id VARCHAR(64);

-- Row 2 is taken only while a run is being started: a run that is going (status RUNNING) is found under it, so two
-- starts at the same moment never both start one. Row 1 stays the lock of whoever applies money.
INSERT INTO matching_lock (id) VALUES (2);
