-- In doubt: a record whose request may have reached the target while its answer was never recorded (a timeout, a reset
-- connection, Splice killed mid-call). A fact about the past: it stays set when a later attempt or a look-up settles
-- the record, so a target that ignores Idempotency-Key can be checked for exactly these keys.
alter table splice_record add column in_doubt boolean default false not null;
alter table splice_record add column in_doubt_reason varchar(300);
-- Set right before a record's first call of a delivery (without waiting for the disk: see mark-sending-postgresql.sql),
-- cleared by its outcome: still set on a QUEUED record when a later process reads it, that record was in flight when
-- its process died.
alter table splice_record add column sending_since timestamp;
