-- Issue #8. Development plans (rencana pengembangan kompetensi, PP 11/2017 art. 205-207): one plan per unit and
-- year, items per competency with their targets, JP, budget and schedule. A plan is DRAFT until approved; an
-- APPROVED plan is read-only, a change is a revision (a new DRAFT plan with revision n+1 and revision_of the old),
-- and the old one becomes SUPERSEDED when its revision is approved.
create table development_plan (
    id             uuid          primary key,
    year           integer       not null,
    org_unit_code  varchar(50)   not null,
    org_unit_path  varchar(2000) not null,       -- the unit's path when the plan was made (UNIT_HEAD scope)
    title          varchar(300)  not null,
    status         varchar(12)   not null,
    revision       integer       not null,
    revision_of    uuid          references development_plan (id),
    approved_by    varchar(200),
    approved_at    timestamptz,
    created_by     varchar(200)  not null,
    version        bigint        not null,       -- concurrency (ETag, If-Match); 1 when created, +1 per change
    created_at     timestamptz   not null default now(),
    updated_at     timestamptz   not null default now(),
    check (status in ('DRAFT', 'APPROVED', 'SUPERSEDED')),
    check (revision >= 1)
);
create index development_plan_year_unit on development_plan (year, org_unit_code);
-- at most one revision of a plan
create unique index development_plan_one_revision on development_plan (revision_of) where revision_of is not null;

create table development_plan_item (
    id                    uuid          primary key,
    plan_id               uuid          not null references development_plan (id),
    seq                   integer       not null,  -- order of the items in the plan
    competency_code       varchar(50)   not null,
    method_code           varchar(10)   not null references learning_method (code),
    target_nips           varchar(18)[] not null default '{}',
    target_position_codes varchar(50)[] not null default '{}',
    planned_jp            numeric(7, 2) not null check (planned_jp > 0),
    budget                bigint        not null check (budget >= 0),   -- rupiah
    schedule_from         date          not null,
    schedule_to           date          not null,
    generated             boolean       not null default false,
    reason                varchar(1000),
    created_at            timestamptz   not null default now(),
    check (schedule_to >= schedule_from)
);
create index development_plan_item_plan on development_plan_item (plan_id, seq);
-- realisation looks up the verified records of a competency
create index training_record_competencies on training_record using gin (competency_codes) where status = 'VERIFIED';
