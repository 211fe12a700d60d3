-- The ledger: one row per source record and what became of it. Works on PostgreSQL and on H2 (MODE=PostgreSQL).

create table splice_run (
    run_id      varchar(64)  not null primary key,
    tenant      varchar(100) not null,
    status      varchar(20)  not null,   -- RUNNING, COMPLETED, FAILED
    started_at  timestamp    not null,
    finished_at timestamp,
    error       varchar(4000)
);

-- What each run's extract read per entity: the ledger alone cannot tell what was skipped
create table splice_run_entity (
    run_id        varchar(64)  not null,
    entity        varchar(100) not null,
    read_count    bigint       not null,
    skipped_count bigint       not null,
    queued_count  bigint       not null,
    started_at    timestamp    not null,
    finished_at   timestamp,
    primary key (run_id, entity)
);

create table splice_record (
    tenant        varchar(100)  not null,
    entity        varchar(100)  not null,
    source_key    varchar(200)  not null,
    group_key     varchar(200),
    status        varchar(20)   not null,   -- QUEUED, MIGRATED, FAILED
    run_id        varchar(64)   not null,   -- the run that last queued or finished it
    target_id     varchar(200),
    attempts      integer       not null,
    http_status   integer,
    error_class   varchar(300),
    reason        varchar(1000),            -- groupable: no record-specific values
    error_message varchar(4000),            -- the full message, naming the record and value
    payload       varchar,                  -- the source record as sent to the broker (JSON)
    request_body  varchar,                  -- what was (or would have been) sent to the target
    updated_at    timestamp     not null,
    primary key (tenant, entity, source_key)
);

create index splice_record_by_run on splice_record (run_id, status, entity);
