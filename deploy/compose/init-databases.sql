-- Runs once, on the first start of the Compose PostgreSQL (empty data volume), as the
-- nq57 user the postgres image creates. One database per service (docs/design.md).
CREATE DATABASE identity;
CREATE DATABASE report;
CREATE DATABASE workflow;
CREATE DATABASE file;
CREATE DATABASE export;
CREATE DATABASE dashboard;
CREATE DATABASE gateway;
