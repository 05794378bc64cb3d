-- Issue #8: bulk import of training records (POST /api/v1/training-imports), run by platform's ImportJobs engine.
-- The same two tables, with the same columns, as employee-service's V3 (the engine reads and writes them by these
-- names): each service keeps its own job table in its own database rather than a platform migration, so no existing
-- database has to take an out-of-order platform migration or have its job rows moved. For training records
-- "unchanged" counts the duplicates: rows whose (nip, lower(organizer), certificate_number) is already recorded.
create table import_job (
    id           uuid          primary key,
    status       varchar(12)   not null,           -- QUEUED, RUNNING, COMPLETED, FAILED
    format       varchar(10)   not null,           -- CSV or JSON
    file_path    varchar(1000) not null,
    total        integer       not null default 0,
    processed    integer       not null default 0,
    created      integer       not null default 0,
    updated      integer       not null default 0,
    unchanged    integer       not null default 0,
    failed       integer       not null default 0,
    created_by   varchar(200)  not null,
    roles        varchar(500),
    request_id   varchar(100),
    created_at   timestamptz   not null default now(),
    started_at   timestamptz,
    finished_at  timestamptz,
    error        text
);

create table import_error (
    job_id   uuid          not null references import_job (id),
    row_no   integer       not null,
    field    varchar(100)  not null,
    message  varchar(1000) not null
);
create index import_error_job on import_error (job_id, row_no);
