package io.careloop.engine.intake;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

public interface ImportLedgerMapper {

    @Select("SELECT id, source, source_key, outcome, ticket_number, detail, created_at FROM import_ledger "
            + "WHERE source = #{source} AND source_key = #{sourceKey}")
    LedgerEntry find(@Param("source") String source, @Param("sourceKey") String sourceKey);

    /** Fails with a unique-key violation when the item was recorded before (or concurrently). */
    @Insert("INSERT INTO import_ledger (source, source_key, outcome, ticket_number, detail, created_at) "
            + "VALUES (#{source}, #{sourceKey}, #{outcome}, #{ticketNumber}, #{detail}, #{createdAt})")
    void insert(LedgerEntry entry);
}
