-- People whose stored gap must be recomputed, queued in the transaction of the change that concerns many people at
-- once (a template or the gap policy): the change commits fast and GapSnapshots drains the queue in batches, each in
-- its own transaction, emitting gap-changed as it goes. One row per person; a newer cause replaces an older one.
create table gap_refresh_pending (
    nip           varchar(18)  primary key,
    cause         varchar(20)  not null,
    requested_at  timestamptz  not null default now()
);

-- When the daily job last looked for standards coming into force and assessments expiring.
create table gap_time_job (
    id        smallint primary key check (id = 1),
    last_day  date     not null
);
