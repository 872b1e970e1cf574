package io.careloop.engine.intake;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

public interface ImportLedgerMapper {

    /** The item's entry, also when its person was erased since (the key is then kept as {@link ErasedKey}). */
    default LedgerEntry find(String source, String sourceKey) {
        return findEither(source, sourceKey, ErasedKey.of(sourceKey));
    }

    /*
     * Two lookups by the whole unique key, not "source_key IN (…)": H2 uses an IN list on the second column
     * of (source, source_key) only as a filter and read every ledger row of the source, so each intake
     * got slower with the size of the ledger (20,000 rows scanned for one answer). UNION, not UNION ALL:
     * an already erased key is both arguments.
     */
    @Select("SELECT id, source, source_key, outcome, ticket_number, detail, created_at FROM import_ledger "
            + "WHERE source = #{source} AND source_key = #{sourceKey} "
            + "UNION SELECT id, source, source_key, outcome, ticket_number, detail, created_at FROM import_ledger "
            + "WHERE source = #{source} AND source_key = #{erasedKey}")
    LedgerEntry findEither(@Param("source") String source, @Param("sourceKey") String sourceKey,
                           @Param("erasedKey") String erasedKey);

    /** Fails with a unique-key violation when the item was recorded before (or concurrently). */
    @Insert("INSERT INTO import_ledger (source, source_key, outcome, ticket_number, detail, created_at) "
            + "VALUES (#{source}, #{sourceKey}, #{outcome}, #{ticketNumber}, #{detail}, #{createdAt})")
    void insert(LedgerEntry entry);
}
