-- Sample legacy FTTH planning database. Runs unchanged on PostgreSQL 15 and H2 2.x (MODE=PostgreSQL).
-- Primary keys only: the legacy system never enforced references, which is why orphans exist.
-- customer (the tenant) is denormalised onto every child table: each row holds its project's customer,
-- so one tenant's rows can be selected without joins (and orphans still have one).
-- Drops first so the script can be rerun against the same database.
DROP TABLE IF EXISTS documents;
DROP TABLE IF EXISTS planboards;
DROP TABLE IF EXISTS assignments;
DROP TABLE IF EXISTS connections;
DROP TABLE IF EXISTS addresses;
DROP TABLE IF EXISTS projects;

CREATE TABLE projects (
    id          BIGINT       PRIMARY KEY,
    code        VARCHAR(20),
    name        VARCHAR(200),
    customer    VARCHAR(60),
    status      VARCHAR(20),
    created_at  TIMESTAMP
);

-- house_number is text in the legacy DB: that is how '12-14' and 'twelve' got in.
CREATE TABLE addresses (
    id            BIGINT       PRIMARY KEY,
    project_id    BIGINT       NOT NULL,
    street        VARCHAR(200),
    house_number  VARCHAR(10),
    postcode      VARCHAR(10),
    city          VARCHAR(100),
    homes_passed  INT,
    customer      VARCHAR(60)
);

CREATE INDEX addresses_project_id_idx ON addresses (project_id);
CREATE INDEX addresses_customer_idx ON addresses (customer);

CREATE TABLE connections (
    id          BIGINT       PRIMARY KEY,
    address_id  BIGINT       NOT NULL,
    kind        VARCHAR(10),
    status      VARCHAR(20),
    planned_on  DATE,
    customer    VARCHAR(60)
);

CREATE INDEX connections_customer_idx ON connections (customer);

CREATE TABLE assignments (
    id             BIGINT       PRIMARY KEY,
    connection_id  BIGINT       NOT NULL,
    work_type      VARCHAR(30),
    contractor     VARCHAR(100),
    due_on         DATE,
    status         VARCHAR(20),
    customer       VARCHAR(60)
);

CREATE INDEX assignments_customer_idx ON assignments (customer);

-- The legacy tool's weekly capacity plan: homes a crew can connect for a project in an ISO week ('2025-W07').
CREATE TABLE planboards (
    id          BIGINT       PRIMARY KEY,
    project_id  BIGINT       NOT NULL,
    week        VARCHAR(8),
    crew        VARCHAR(60),
    capacity    INT,
    customer    VARCHAR(60)
);

CREATE INDEX planboards_customer_idx ON planboards (customer);

-- Files attached to projects, content inserted as a stream.
-- BYTEA is PostgreSQL's binary type; H2 2.x takes it as BINARY VARYING, so the script stays one for both.
CREATE TABLE documents (
    id            BIGINT        PRIMARY KEY,
    project_id    BIGINT        NOT NULL,
    filename      VARCHAR(200),
    content_type  VARCHAR(100),
    content       BYTEA,
    customer      VARCHAR(60)
);

CREATE INDEX documents_customer_idx ON documents (customer);
