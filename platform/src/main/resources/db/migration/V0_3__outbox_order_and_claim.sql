-- The relay claims rows under a lease instead of holding row locks while it waits on the broker, claims through an
-- index on the unsent rows in seq order, and checks per key that no older row of the key is still unsent.

alter table outbox_event
    add column claimed_by    varchar(100),   -- the relay instance that holds the lease, null when free
    add column claimed_until timestamptz;    -- the lease ends here; after that another relay may take the rows

-- claim: the unsent rows in seq order (a sent row leaves the index, so it stays as small as the backlog)
drop index outbox_event_unsent;
create index outbox_event_unsent_seq on outbox_event (seq) where sent_at is null;
-- per-key order: "is an older row of this key still unsent?"
create index outbox_event_unsent_key on outbox_event (topic, event_key, seq) where sent_at is null;

-- the newest version a consumer applied per key (platform's AppliedVersions), so an older event can be skipped
create table consumer_key_version (
    consumer   varchar(100) not null,
    event_key  varchar(200) not null,
    version    bigint       not null,
    applied_at timestamptz  not null default now(),
    primary key (consumer, event_key)
);
