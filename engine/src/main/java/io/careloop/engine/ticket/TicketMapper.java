package io.careloop.engine.ticket;

import io.careloop.engine.db.GeneratedKey;
import java.util.List;
import org.apache.ibatis.annotations.Param;

/** SQL for tickets: see TicketMapper.xml beside this interface. */
public interface TicketMapper {

    long nextNumber();

    void insert(@Param("t") Ticket ticket, @Param("key") GeneratedKey key);

    Ticket findByNumber(String number);

    /** Locks the row until the transaction ends: state changes read through this. */
    Ticket findByNumberForUpdate(String number);

    /** Saves every mutable column if the row still has {@code expectedVersion}; returns rows changed. */
    int save(@Param("t") Ticket ticket, @Param("expectedVersion") int expectedVersion);

    /**
     * A page of {@code query} within {@code scope} (what the caller may see; {@link TicketScope#ALL} for all);
     * {@code openStatuses}: {@link TicketStatus#OPEN_CODES} (an open-only page is a union of one branch per open status).
     */
    List<Ticket> page(@Param("q") TicketQuery query, @Param("pattern") String pattern, @Param("scope") TicketScope scope,
                      @Param("openStatuses") List<String> openStatuses);

    /** Open tickets per queue within {@code scope}, with how many are {@code me}'s, unassigned, at risk, breached. */
    List<QueueTally> queueTallies(@Param("me") String me, @Param("scope") TicketScope scope, @Param("f") QueueFilter filter);

    List<Ticket> recentForCustomer(@Param("customerId") long customerId, @Param("limit") int limit);

    long countForCustomer(long customerId);
}
