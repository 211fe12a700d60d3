-- Config-driven migrations: records whose parent is not MIGRATED are BLOCKED by it (and released when it is);
-- runs know their migration and whether they are a replay.
alter table splice_record add column blocked_by_entity varchar(100);
alter table splice_record add column blocked_by_key varchar(200);
create index splice_record_blocked_by on splice_record (tenant, blocked_by_entity, blocked_by_key);

alter table splice_run add column migration varchar(100);
alter table splice_run add column kind varchar(20);   -- RUN, REPLAY
