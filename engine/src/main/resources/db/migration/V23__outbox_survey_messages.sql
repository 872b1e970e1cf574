-- Survey invitations and reminders go out through the outbox of V14, like agents' replies: the row is
-- written in the transaction that resolves the ticket (or runs the reminder timer) and sent after
-- commit by the dispatcher, so a resolution that rolls back invites no one and a failing channel is
-- retried instead of failing the resolve. What a row is decides how it is sent. Runs on H2 and PostgreSQL.
ALTER TABLE outbound_message ADD COLUMN kind VARCHAR(32) DEFAULT 'reply' NOT NULL; -- reply, survey-invitation, survey-reminder
