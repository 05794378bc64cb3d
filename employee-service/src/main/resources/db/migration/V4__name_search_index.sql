-- Name search is a substring match (q=...): a trigram index serves lower(name) like '%...%' without a full scan.
-- pg_trgm ships with PostgreSQL (contrib); the suite's embedded PostgreSQL and the postgres image have it.
create extension if not exists pg_trgm;
create index employee_name_trgm on employee using gin (lower(name) gin_trgm_ops);
drop index if exists employee_name;
