-- The legacy source and Splice's ledger, as two databases of one server (separate servers in production)
create database legacy;
create database splice;
