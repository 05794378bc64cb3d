-- a recomputation is queued by a policy publication (POLICY) or asked for by an ADMIN (REBUILD): the profiles it
-- writes name that cause
alter table recompute_job add column cause_type varchar(20) not null default 'POLICY';
create index recompute_job_queued on recompute_job (created_at) where status = 'QUEUED';
create index recompute_job_version on recompute_job (policy_version, created_at desc);
-- a running job touches heartbeat_at with every chunk; one whose instance died (no beat for a while) is claimed again
alter table recompute_job add column heartbeat_at timestamptz;
