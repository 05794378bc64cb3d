-- Idempotency keys expire (asn.idempotency.expiry, 24 h by default): an expired key acts as new, and a scheduled job
-- deletes expired rows (IdempotencyCleanup).
alter table idempotency_record add column expires_at timestamptz;
update idempotency_record set expires_at = created_at + interval '24 hours';
alter table idempotency_record alter column expires_at set not null;
create index idempotency_record_expiry on idempotency_record (expires_at);

-- A key is now claimed by inserting its row before the effect, in the effect's own transaction: a concurrent request
-- with the same key waits on that row and then replays the committed response. The response columns are filled at
-- the end of that transaction, so no other transaction ever sees a row without them.
alter table idempotency_record alter column status drop not null;
