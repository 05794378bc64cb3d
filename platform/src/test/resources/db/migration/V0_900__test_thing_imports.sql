-- platform's test app only (test resources never ship): the job tables of ThingImports, named by its handler to show
-- that the engine reads the names a handler gives, with the columns every service's import tables have.
create table thing_import_job (
    id uuid primary key, status varchar(12) not null, format varchar(10) not null, file_path varchar(1000) not null,
    total integer not null default 0, processed integer not null default 0, created integer not null default 0,
    updated integer not null default 0, unchanged integer not null default 0, failed integer not null default 0,
    created_by varchar(200) not null, roles varchar(500), request_id varchar(100),
    created_at timestamptz not null default now(), started_at timestamptz, finished_at timestamptz, error text);
create table thing_import_error (
    job_id uuid not null references thing_import_job (id), row_no integer not null, field varchar(100) not null,
    message varchar(1000) not null);
create table thing_imported (n integer primary key, job_id uuid not null);
