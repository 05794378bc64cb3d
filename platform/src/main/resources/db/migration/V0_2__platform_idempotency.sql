-- Idempotency-Key for creating POSTs (SYSTEM.md §4): the first response is kept and replayed for the same key and
-- body; the same key with another body is a 422.
create table idempotency_record (
    scope         varchar(300) not null,   -- caller + method + path
    idem_key      varchar(200) not null,
    request_hash  varchar(64)  not null,
    status        integer      not null,
    body          text,
    location      varchar(1000),
    created_at    timestamptz  not null default now(),
    primary key (scope, idem_key)
);
