-- A target's id is stored whole, whatever its length: it is the only link to a record that exists at the target, and
-- its children send it as their parent's id. varchar(200) turned a record created with a longer id into FAILED (the
-- ledger refused the MIGRATED row) while it existed at the target. Reasons and messages stay bounded (Ledger truncates
-- them with a marker); SET DATA TYPE is understood by PostgreSQL and H2 alike.
alter table splice_record alter column target_id set data type varchar;
