package io.careloop.engine.privacy;

import io.careloop.engine.ticket.Category;
import io.careloop.engine.ticket.Ticket;
import io.careloop.engine.ticket.TicketScope;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.apache.ibatis.annotations.Param;

/** SQL for masking, export, erasure and retention: see PrivacyMapper.xml beside this interface. */
public interface PrivacyMapper {

    /** Of {@code customerIds}, those with at least one ticket inside {@code scope}. */
    List<Long> customersWithTicketsInScope(@Param("ids") Collection<Long> customerIds, @Param("scope") TicketScope scope);

    List<Ticket> ticketsOfCustomer(long customerId);

    /**
     * Reads of lists (access lines {@code list/…}, web's PersonalDataReads) whose answer named one of
     * {@code tokens} (quoted ticket numbers or customer ids), of action {@code action} or any. One scan
     * of the list reads for all tokens: an access request reads them once, however many tickets.
     */
    @org.apache.ibatis.annotations.Select("<script>SELECT id, occurred_at, actor, action, entity_type, entity_id, "
            + "before_state, after_state, reason FROM audit_event WHERE entity_type = 'access' AND entity_id LIKE 'list/%' "
            + "<if test='action != null'>AND action = #{action} </if>"
            + "<foreach item='t' collection='tokens' open='AND (' separator=' OR ' close=')'>"
            + "after_state LIKE CONCAT('%', #{t}, '%')</foreach> ORDER BY id</script>")
    List<io.careloop.engine.audit.AuditEvent> listReadsNaming(@Param("action") String action,
                                                              @Param("tokens") Collection<String> tokens);

    int pseudonymiseCustomer(@Param("id") long id, @Param("pseudonym") String pseudonym, @Param("at") Instant at);

    /** {@code anonymisedAt} null: the texts were pseudonymised, not erased (a regulated record). */
    int rewriteTicketTexts(@Param("id") long id, @Param("subject") String subject, @Param("description") String description,
                           @Param("at") Instant at, @Param("anonymisedAt") Instant anonymisedAt);

    Instant erasedAt(long customerId);

    int rewriteInteraction(@Param("id") long id, @Param("body") String body, @Param("author") String author);

    /**
     * Closed tickets closed before {@code closedBefore}, not anonymised yet, regulated or not
     * ({@code categories} are the regulated ones; a suspected adverse event counts as regulated), oldest first.
     */
    List<Ticket> retentionDue(@Param("closedBefore") Instant closedBefore, @Param("regulated") boolean regulated,
                              @Param("categories") Set<Category> categories, @Param("limit") int limit);

    long countRetentionDue(@Param("closedBefore") Instant closedBefore, @Param("regulated") boolean regulated,
                           @Param("categories") Set<Category> categories);

    /** Takes the day's retention turn: 1 when this node moved last_started_at (nobody started since {@code notBefore}). */
    int takeRetentionTurn(@Param("now") Instant now, @Param("notBefore") Instant notBefore, @Param("node") String node);

    /** String values of historic variables ({@code table} ACT_HI_VARINST or ACT_HI_DETAIL) of the ticket's processes. */
    List<java.util.Map<String, Object>> historicTexts(@Param("table") String table, @Param("ticket") String ticketNumber);

    int rewriteHistoricText(@Param("table") String table, @Param("id") String id, @Param("text") String text);

    /** Ledger rows of the given tickets, or whose key names one of {@code identifiers} (lower case). */
    List<io.careloop.engine.intake.LedgerEntry> ledgerOf(@Param("tickets") Collection<String> ticketNumbers,
                                                         @Param("identifiers") Collection<String> identifiers);

    int rewriteLedger(@Param("id") long id, @Param("sourceKey") String sourceKey, @Param("detail") String detail);

    /** Channel message ids (Message-ID, survey response id) of the ticket's interactions become their erased form. */
    List<java.util.Map<String, Object>> externalIds(@Param("ticketId") long ticketId);

    int rewriteExternalId(@Param("id") long id, @Param("externalId") String externalId);

    /** Quarantined raw items (import rejections) naming one of {@code identifiers} (lower case). */
    List<java.util.Map<String, Object>> quarantineNaming(@Param("identifiers") Collection<String> identifiers);

    int rewriteQuarantine(@Param("id") long id, @Param("raw") String raw, @Param("message") String message);
}
