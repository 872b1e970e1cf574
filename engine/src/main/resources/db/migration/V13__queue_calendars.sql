-- Issue 3: the business calendar of each queue (a team works its queues on its own office hours and
-- holidays). A ticket's SLA clocks count on the calendar of its queue; a queue without a row counts on
-- the default calendar. Runs unchanged on H2 and PostgreSQL.
CREATE TABLE queue_calendar (
    queue          VARCHAR(64)  PRIMARY KEY,
    calendar_code  VARCHAR(64)  NOT NULL REFERENCES business_calendar (code),
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by     VARCHAR(64)  NOT NULL
);
