-- The target's whole answer to a failed call, as it sent it (cut at 8 KiB with a marker by Ledger; never a request
-- header), and the fields it names (failed.csv's field column, the operator API's dead letters). A reason alone lost
-- them: "HTTP 422 validation failed" with an empty field column, for {"error":"validation failed","fields":["email"]}.
alter table splice_record add column target_answer varchar;
alter table splice_record add column failed_fields varchar(1000);
