-- Issue 10: the filtered list GET /employees?orgUnit=&subtree=&q=&… (sorted by name then NIP, 50 a page).
--
-- 1. The sort key as an index, walked in order: a page is the first matches met walking it from the filter's first
--    match, checked on the index entry itself (an index-only scan: the columns the filters read are included) and
--    stopped by the LIMIT, instead of every match fetched and sorted.
create index employee_name_nip on employee (name, nip) include (org_unit_code, position_code, status, employment_type);
-- 2. For a subtree that is a small part of the whole (a perangkat daerah of a province): the subtree's people by
--    unit, already in name order within each unit, filtered on the index entry; it also serves every look-up by
--    org_unit_code the old single-column index served.
create index employee_unit_name_nip on employee (org_unit_code, name, nip) include (position_code, status, employment_type);
drop index if exists employee_org_unit;

-- 3. A change counter for what a list filters on: any statement that writes employees, units (paths) or positions
--    (types) moves it, whoever runs it (the service, an import's set-based SQL, another replica, an operator). A list's
--    total and first match, counted once per filter, are reused only while the counter has not moved (and for a few
--    seconds at most), so the count is not redone for every page. A sequence: bumping it takes no lock a concurrent
--    writer would wait on, and it is one call per statement, not per row.
create sequence employee_list_change;

create function employee_list_changed() returns trigger language plpgsql as $$
begin
    perform nextval('employee_list_change');
    return null;
end
$$;

create trigger employee_list_changed after insert or update or delete or truncate on employee
    for each statement execute function employee_list_changed();
create trigger org_unit_list_changed after insert or update or delete or truncate on org_unit
    for each statement execute function employee_list_changed();
create trigger position_list_changed after insert or update or delete or truncate on position
    for each statement execute function employee_list_changed();
