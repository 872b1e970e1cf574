package io.careloop.engine.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The hash of one link of the audit chain: SHA-256 over the canonical form of the event, a JSON
 * array of its place in the chain, its id, every column as stored (the instant in ISO-8601 UTC)
 * and the previous event's hash. Changing any column, moving, removing or inserting an event
 * changes a hash the next link or the chain head holds.
 */
public final class AuditChain {

    private static final ObjectMapper CANONICAL = new ObjectMapper();

    private AuditChain() {
    }

    public static String hash(long seq, ChainRow e, String prevHash) {
        try {
            String canonical = CANONICAL.writeValueAsString(Arrays.asList(seq, e.id(),
                    e.occurredAt() == null ? null : e.occurredAt().toString(), e.actor(), e.action(), e.entityType(),
                    e.entityId(), e.beforeState(), e.afterState(), e.reason(), prevHash));
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (JsonProcessingException | NoSuchAlgorithmException ex) {
            throw new IllegalStateException("cannot hash audit event " + e.id(), ex);
        }
    }
}
