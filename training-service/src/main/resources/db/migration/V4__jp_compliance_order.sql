-- Issue #8, JP compliance: the list's stable order (unit path, NIP) over the active employees, so the first page of
-- a unit or of the whole province is read in order from the index (a nested loop into jp_person_year by its primary
-- key, stopped after one page) instead of classifying and sorting everyone in scope.
create index employee_replica_active_order on employee_replica (org_unit_path, nip) where status = 'ACTIVE';
