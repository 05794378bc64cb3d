-- One database per service (SYSTEM.md §2), each owned by its own login role, so a service cannot read another's
-- tables even by mistake. Run once by the postgres image, on the first start with an empty data volume
-- (docker-compose.yml mounts this directory at /docker-entrypoint-initdb.d). Development credentials only.
-- The database names are the ones in the services' QUARKUS_DATASOURCE_JDBC_URL (checked by ComposeFileTest).

create role employee login password 'employee';
create database employee owner employee;
revoke connect on database employee from public;

create role competency login password 'competency';
create database competency owner competency;
revoke connect on database competency from public;

create role training login password 'training';
create database training owner training;
revoke connect on database training from public;

create role merit login password 'merit';
create database merit owner merit;
revoke connect on database merit from public;
