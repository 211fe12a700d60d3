-- A record queued again while it was still QUEUED (its process died) or FAILED (e.g. after timeouts) may already be at
-- the target: its consumer looks it up there first, where the entity has a lookupPath.
alter table splice_record add column resend_check boolean default false not null;
