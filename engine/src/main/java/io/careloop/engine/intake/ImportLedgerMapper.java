package io.careloop.engine.intake;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

public interface ImportLedgerMapper {

    /** The item's entry, also when its person was erased since (the key is then kept as {@link ErasedKey}). */
    default LedgerEntry find(String source, String sourceKey) {
        return findEither(source, sourceKey, ErasedKey.of(sourceKey));
    }

    @Select("SELECT id, source, source_key, outcome, ticket_number, detail, created_at FROM import_ledger "
            + "WHERE source = #{source} AND source_key IN (#{sourceKey}, #{erasedKey})")
    LedgerEntry findEither(@Param("source") String source, @Param("sourceKey") String sourceKey,
                           @Param("erasedKey") String erasedKey);

    /** Fails with a unique-key violation when the item was recorded before (or concurrently). */
    @Insert("INSERT INTO import_ledger (source, source_key, outcome, ticket_number, detail, created_at) "
            + "VALUES (#{source}, #{sourceKey}, #{outcome}, #{ticketNumber}, #{detail}, #{createdAt})")
    void insert(LedgerEntry entry);
}
