-- One database per service (SYSTEM.md §2); run by the postgres image on first start.
create database employee;
create database competency;
create database training;
create database merit;
