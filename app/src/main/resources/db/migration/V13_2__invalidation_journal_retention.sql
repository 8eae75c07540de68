-- The journal keeps a retention window (ledgerline.cluster.journal-retention): older rows are
-- deleted in small batches, and this one row records the highest position ever deleted. An
-- instance whose position is below it may have missed a deleted row and cannot know which,
-- so it condemns its whole cache rather than trust what it holds. The journal's head is never
-- below it either, so a new instance starts past everything already pruned.
CREATE TABLE invalidation_journal_pruned (
    id          SMALLINT PRIMARY KEY CHECK (id = 1),
    through_seq BIGINT NOT NULL,
    pruned_at   TIMESTAMP WITH TIME ZONE
);
INSERT INTO invalidation_journal_pruned (id, through_seq) VALUES (1, 0);
