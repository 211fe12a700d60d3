-- The new system's own database, for the entities its API has no endpoint for (the sample's work orders).
-- Runs unchanged on PostgreSQL 15 and H2 2.x (MODE=PostgreSQL). Its checks are the new system's rules.
CREATE TABLE IF NOT EXISTS work_orders (
    tenant         VARCHAR(60)   NOT NULL,
    legacy_id      BIGINT        NOT NULL,
    connection_id  VARCHAR(100)  NOT NULL,
    work_type      VARCHAR(30)   NOT NULL CHECK (work_type IN ('SURVEY', 'CIVIL', 'SPLICING', 'ACTIVATION')),
    contractor     VARCHAR(100),
    due_on         DATE          NOT NULL,
    status         VARCHAR(20)   NOT NULL,
    PRIMARY KEY (tenant, legacy_id)
);
