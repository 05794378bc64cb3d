-- Issue #8. The history of each learning method's JP rule: every change of a cap (PUT /api/v1/learning-methods/{code})
-- is a new rule_version of the method and one row here, so a recognised JP can be explained by the rule it used.
create table learning_method_rule (
    code              varchar(10)  not null references learning_method (code),
    rule_version      integer      not null,
    max_jp_per_record numeric(6, 2),
    max_jp_per_day    numeric(6, 2),
    max_jp_per_year   numeric(6, 2),
    note              varchar(500),
    changed_by        varchar(200) not null,
    changed_at        timestamptz  not null default now(),
    primary key (code, rule_version)
);
-- the seeded rules are version 1 of every method
insert into learning_method_rule (code, rule_version, max_jp_per_record, max_jp_per_day, max_jp_per_year, note, changed_by)
select code, rule_version, max_jp_per_record, max_jp_per_day, max_jp_per_year, rule_note, 'system' from learning_method;

-- gap-changed.v1 items carry ratio (actual / required, 0 when not assessed); kept with the rest of the item.
alter table competency_gap_replica add column ratio numeric(7, 4);

-- the programme catalogue is listed by code with filters on method and leadership level
create index training_program_method on training_program (method_code);

-- leadership-training compliance finds the holders of each managerial post
create index employee_replica_position on employee_replica (position_code);
