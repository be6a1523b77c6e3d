-- The events a consumer applied for one user: the reconciliation compares a user's points with them.
ALTER TABLE processed_events ADD KEY idx_processed_events_user (consumer, user_id);
