-- The reconciliation reads finished top-ups in the order they finished.
ALTER TABLE top_ups ADD KEY idx_top_ups_finished (finished_at);
