-- Issue 3: business calendars as data, and the SLA / escalation / pharmacovigilance state of a ticket.
-- Runs unchanged on H2 and PostgreSQL.

-- A business calendar: its weekly hours, holidays and make-up working days (调休) are one JSON
-- document, because administrators edit and replace a calendar as a whole (PUT), and the engine
-- reads it whole into a BusinessCalendar.
CREATE TABLE business_calendar (
    code        VARCHAR(64)  PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    zone        VARCHAR(64)  NOT NULL,
    definition  VARCHAR(100000) NOT NULL,
    is_default  BOOLEAN      NOT NULL DEFAULT FALSE,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    version     INT NOT NULL DEFAULT 0
);

-- The default office: Monday to Friday 09:00-18:00 in Beijing. Holidays change every year; an
-- administrator adds them with PUT /api/v1/calendars/cn-office.
INSERT INTO business_calendar (code, name, zone, definition, is_default, updated_at, version) VALUES
    ('cn-office', '中国办公时间 / China office hours', 'Asia/Shanghai',
     '{"weeklyHours":{"MONDAY":[{"start":"09:00","end":"18:00"}],"TUESDAY":[{"start":"09:00","end":"18:00"}],"WEDNESDAY":[{"start":"09:00","end":"18:00"}],"THURSDAY":[{"start":"09:00","end":"18:00"}],"FRIDAY":[{"start":"09:00","end":"18:00"}]},"holidays":[],"makeUpDays":[]}',
     TRUE, TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00', 0);

ALTER TABLE ticket ADD COLUMN adverse_event_suspected BOOLEAN NOT NULL DEFAULT FALSE;
-- the adverse-event case's regulatory due time (calendar days from Day 0), when there is one
ALTER TABLE ticket ADD COLUMN regulatory_due TIMESTAMP WITH TIME ZONE;
-- set while the ticket waits on the customer: the SLA clocks stand still from this instant
ALTER TABLE ticket ADD COLUMN sla_paused_at TIMESTAMP WITH TIME ZONE;
-- 0 = the agent's queue, 1 = supervisors (L2), 2 = department head / specialist (L3)
ALTER TABLE ticket ADD COLUMN escalation_level INT NOT NULL DEFAULT 0;
-- on-track, at-risk (a warning timer fired), breached (a due date passed)
ALTER TABLE ticket ADD COLUMN sla_state VARCHAR(16) NOT NULL DEFAULT 'on-track';
-- how the due dates are counted: business or calendar, and on which calendar
ALTER TABLE ticket ADD COLUMN sla_mode VARCHAR(16);
ALTER TABLE ticket ADD COLUMN sla_calendar VARCHAR(64);
-- pharmacovigilance review of a possible adverse event: null (none), pending, confirmed, not-adverse-event
ALTER TABLE ticket ADD COLUMN pv_review VARCHAR(32);

-- the supervisor's views: tickets at risk or breached, soonest due first
CREATE INDEX ix_ticket_sla_state_due ON ticket (sla_state, resolution_due, id);
