-- Shared by every service (from the platform library): the outbox, the processed-event table of the
-- idempotent consumers, and the append-only audit log. Service migrations start at V1.

create table outbox_event (
    seq             bigserial primary key,
    id              uuid        not null unique,          -- ce_id
    topic           varchar(200) not null,
    event_key       varchar(200) not null,                -- Kafka key and ce_subject
    type            varchar(200) not null,                -- ce_type
    source          varchar(200) not null,                -- ce_source
    occurred_at     timestamptz not null,                 -- ce_time
    payload         text        not null,                 -- JSON data
    created_at      timestamptz not null default now(),
    sent_at         timestamptz,
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null default now(),
    last_error      text
);
-- the relay only ever looks at unsent rows; sent rows are kept (never deleted) for audit and replay
create index outbox_event_unsent on outbox_event (next_attempt_at, seq) where sent_at is null;

create table processed_event (
    consumer     varchar(100) not null,
    event_id     varchar(200) not null,                   -- ce_id of the consumed event
    event_type   varchar(200),
    processed_at timestamptz  not null default now(),
    primary key (consumer, event_id)
);

create table audit_entry (
    id          bigserial primary key,
    at          timestamptz  not null default now(),
    actor       varchar(200) not null,
    roles       varchar(500),
    action      varchar(100) not null,
    entity      varchar(100) not null,
    entity_id   varchar(200) not null,
    before_json text,
    after_json  text,
    request_id  varchar(100)
);
create index audit_entry_entity on audit_entry (entity, entity_id, at);
create index audit_entry_at on audit_entry (at);

-- append-only: the application role may insert and read, never change history
create or replace function audit_entry_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_entry is append-only';
end $$;
create trigger audit_entry_no_update before update or delete on audit_entry
    for each row execute function audit_entry_append_only();
