-- Plans: a run keeps its parameters, what its target stages saved (to restore), and who runs it (owner +
-- heartbeat, so a run whose process died is recognised); every stage execution is a row, attempts included.
alter table splice_run add column parameters varchar;
alter table splice_run add column saved varchar;
alter table splice_run add column owner varchar(300);
alter table splice_run add column heartbeat_at timestamp;

create table splice_stage (
    run_id      varchar(64)   not null,
    stage       varchar(100)  not null,
    attempt     integer       not null,
    kind        varchar(20)   not null,   -- configure, choice, target, migrate, wait, report, restore
    status      varchar(20)   not null,   -- RUNNING, COMPLETED, FAILED, SKIPPED, INTERRUPTED
    started_at  timestamp     not null,
    finished_at timestamp,
    error       varchar(4000),
    owner       varchar(300),
    primary key (run_id, stage, attempt)
);

create index splice_run_by_migration on splice_run (migration, tenant, started_at);
