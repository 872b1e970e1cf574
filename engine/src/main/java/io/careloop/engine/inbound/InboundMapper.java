package io.careloop.engine.inbound;

import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** The look-ups that place an inbound item (a call, a reply) on a customer's ticket. */
public interface InboundMapper {

    @Select("SELECT id FROM customer WHERE phone = #{phone} ORDER BY id LIMIT 1")
    Long customerByPhone(String phone);

    /** The customer's newest ticket that is not resolved or closed. */
    @Select("SELECT number FROM ticket WHERE customer_id = #{customerId} AND status NOT IN ('resolved', 'closed') "
            + "ORDER BY created_at DESC, id DESC LIMIT 1")
    String openTicketOf(@Param("customerId") long customerId);

    /** The ticket a recorded message id (of an interaction) belongs to. */
    @Select("SELECT t.number FROM interaction i JOIN ticket t ON t.id = i.ticket_id WHERE i.external_id = #{messageId} "
            + "ORDER BY i.id DESC LIMIT 1")
    String ticketByInteractionId(String messageId);

    /** The ticket an item keyed by this message id (any source) opened or joined. */
    @Select("SELECT ticket_number FROM import_ledger WHERE source_key = #{messageId} AND ticket_number IS NOT NULL "
            + "ORDER BY id DESC LIMIT 1")
    String ticketByLedgerKey(String messageId);

    @Select("SELECT status FROM ticket WHERE number = #{number}")
    String statusOf(String number);
}
