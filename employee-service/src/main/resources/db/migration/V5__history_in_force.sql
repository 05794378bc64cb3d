-- The current position, rank and education of an employee are the history entries in force today (issue 6).
-- next_history_date: the first date on which a pending (future-dated) entry takes effect; the hourly job and reads
-- apply entries whose date has come. A partial index keeps the job's look-up cheap: most employees have none pending.
alter table employee add column next_history_date date;
create index employee_next_history_date on employee (next_history_date) where next_history_date is not null;

-- Before this version, registration, PATCH and import set rank, position and education without a history row. Record
-- each employee's current value as an entry dated today wherever the history does not already say so, so that the
-- first back-dated entry recorded later can never replace it. (Positions that do not exist cannot be placed: skipped.)
insert into rank_history (nip, rank, effective_date, recorded_by)
select e.nip, e.rank, current_date, 'migration:V5'
from employee e
where e.rank is not null
  and not exists (select 1 from (select r.rank from rank_history r
                                 where r.nip = e.nip and r.effective_date <= current_date
                                 order by r.effective_date desc, r.id desc limit 1) cur
                  where cur.rank = e.rank);

insert into placement (nip, position_code, org_unit_code, effective_date, assignment, recorded_by)
select e.nip, e.position_code, e.org_unit_code, current_date, 'DEFINITIF', 'migration:V5'
from employee e
join position p on p.code = e.position_code
where not exists (select 1 from (select pl.position_code, pl.org_unit_code from placement pl
                                 where pl.nip = e.nip and pl.assignment = 'DEFINITIF' and pl.effective_date <= current_date
                                 order by pl.effective_date desc, pl.id desc limit 1) cur
                  where cur.position_code = e.position_code and cur.org_unit_code = e.org_unit_code);

insert into education_history (nip, level, field, graduated_on, recorded_by)
select e.nip, e.education_level, e.education_field, current_date, 'migration:V5'
from employee e
where e.education_level is not null
  and not exists (select 1 from (select x.level, x.field from education_history x
                                 where x.nip = e.nip and x.graduated_on <= current_date
                                 order by x.graduated_on desc, x.id desc limit 1) cur
                  where cur.level = e.education_level and cur.field is not distinct from e.education_field);

update employee e set next_history_date = (
    select min(d) from (
        select pl.effective_date as d from placement pl where pl.nip = e.nip and pl.assignment = 'DEFINITIF' and pl.effective_date > current_date
        union all
        select r.effective_date from rank_history r where r.nip = e.nip and r.effective_date > current_date
        union all
        select x.graduated_on from education_history x where x.nip = e.nip and x.graduated_on > current_date) pending);
