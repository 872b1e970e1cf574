-- Issue 8 (reports): the roll-up of V19 is built in the background, one day per transaction, newest
-- day first, by one node at a time (docs/reports.md, "Building the roll-up"). Runs on H2 and PostgreSQL.

-- the days the build covers (receipt of the first ticket .. last activity when it began) and the next
-- day to build (it goes backwards; NULL once built): days after build_next are done, so a node that
-- stops goes on where it stopped, and each day is written once in the transaction that moves build_next
ALTER TABLE kpi_state ADD COLUMN build_first DATE;
ALTER TABLE kpi_state ADD COLUMN build_last DATE;
ALTER TABLE kpi_state ADD COLUMN build_next DATE;
-- the node building it and until when; another node takes over once lease_until has passed
ALTER TABLE kpi_state ADD COLUMN lease_owner VARCHAR(100);
ALTER TABLE kpi_state ADD COLUMN lease_until TIMESTAMP WITH TIME ZONE;
