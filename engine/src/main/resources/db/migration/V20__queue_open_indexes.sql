-- The workspace's queue views list open tickets only, soonest due first. "status NOT IN (resolved,
-- closed)" is no index range, so the page query (TicketMapper.xml "page") asks once per open status
-- and each branch reads its page straight off one of these indexes in order: by the agent (mine),
-- by the SLA state (at risk, breached) and by status alone (everything a supervisor sees). The
-- queue views use ix_ticket_queue_status_due (V1), unassigned the assignee index below.
CREATE INDEX ix_ticket_assignee_status_due ON ticket (assignee, status, resolution_due, id);
CREATE INDEX ix_ticket_sla_status_due ON ticket (sla_state, status, resolution_due, id);
CREATE INDEX ix_ticket_status_due ON ticket (status, resolution_due, id);
-- the customer-tier filter: the tickets of customers of one tier (customer_id IN (... tier = ?))
CREATE INDEX ix_customer_tier ON customer (tier, id);
