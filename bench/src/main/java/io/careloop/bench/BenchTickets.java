package io.careloop.bench;

/**
 * The one INSERT … SELECT the queue benches fill the ticket table with (H2's {@code SYSTEM_RANGE(?, ?)},
 * ticket X of the range): channel, category, severity, priority, queue (five, by X / 7), due times and
 * SLA state (2% breached, 2% at risk; both multiples of 5, so that QueueBench's open tickets, X a multiple of 5,
 * include some of each) follow X the same way in every bench; what differs between them
 * (which tickets are open, who has them, the customer and the product) is given as SQL expressions of X.
 */
final class BenchTickets {

    private BenchTickets() {
    }

    static String insert(String status, String assignee, String customerId, String product) {
        return """
                INSERT INTO ticket (number, subject, description, channel, category, severity, priority, status, queue,
                    assignee, customer_id, product, source, received_at, created_at, first_response_due, resolution_due,
                    updated_at, version, sla_state)
                SELECT 'CL-B-' || X, 'subject ' || X, 'description of ticket ' || X,
                    CASE MOD(X, 3) WHEN 0 THEN 'email' WHEN 1 THEN 'phone' ELSE 'web' END,
                    CASE MOD(X, 6) WHEN 0 THEN 'adverse-event' WHEN 1 THEN 'medication-error' WHEN 2 THEN 'product-quality'
                        WHEN 3 THEN 'medical-inquiry' WHEN 4 THEN 'service-process' ELSE 'customer-relationship' END,
                    CASE MOD(X, 3) WHEN 0 THEN 'high' WHEN 1 THEN 'medium' ELSE 'low' END,
                    CASE MOD(X, 4) WHEN 0 THEN 'urgent' WHEN 1 THEN 'high' WHEN 2 THEN 'normal' ELSE 'low' END,
                    %s,
                    CASE MOD(X / 7, 5) WHEN 0 THEN 'service-desk' WHEN 1 THEN 'pharmacovigilance' WHEN 2 THEN 'quality'
                        WHEN 3 THEN 'medical-affairs' ELSE 'key-accounts' END,
                    %s, %s, %s,
                    'bench',
                    TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00' + X * INTERVAL '30' SECOND,
                    TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00' + X * INTERVAL '30' SECOND,
                    TIMESTAMP WITH TIME ZONE '2026-01-01 08:00:00+00' + X * INTERVAL '30' SECOND,
                    TIMESTAMP WITH TIME ZONE '2026-01-03 00:00:00+00' + (X * 30 + MOD(X * 7919, 86400)) * INTERVAL '1' SECOND,
                    TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00' + X * INTERVAL '30' SECOND, 0,
                    CASE MOD(X, 50) WHEN 0 THEN 'breached' WHEN 5 THEN 'at-risk' ELSE 'on-track' END
                FROM SYSTEM_RANGE(?, ?)""".formatted(status, assignee, customerId, product);
    }
}
