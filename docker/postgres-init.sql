-- The legacy source, Splice's ledger and the new system's own database (the sample's SQL target), as databases
-- of one server (separate servers in production). seed-legacy fills legacy and creates newsystem's tables.
create database legacy;
create database splice;
create database newsystem;
