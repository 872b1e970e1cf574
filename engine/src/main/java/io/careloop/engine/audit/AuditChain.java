package io.careloop.engine.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.careloop.engine.text.Sha256;
import java.util.Arrays;

/**
 * The hash of one link of the audit chain: SHA-256 over the canonical form of the event, a JSON
 * array of its place in the chain, its id, every column (the instant in ISO-8601 UTC) and the
 * previous event's hash. Changing any column, moving, removing or inserting an event changes a
 * hash the next link or the chain head holds.
 *
 * <p>Form 2 (every event sealed since migration V12) puts the SHA-256 digests of before_state,
 * after_state and reason in the array instead of the texts, and keeps the digests beside them.
 * The hash still fixes the texts (the verifier checks each against its digest), but the erasure of a
 * person can rewrite those three texts and mark the event redacted, and the chain still verifies:
 * see docs/security.md, "Erasure and the audit chain". Form 1 (older events) hashes the texts.
 */
public final class AuditChain {

    public static final int RAW_FORM = 1;
    public static final int DIGEST_FORM = 2;
    private static final ObjectMapper CANONICAL = new ObjectMapper();

    private AuditChain() {
    }

    public static String hash(long seq, ChainRow e, String prevHash) {
        boolean digests = e.hashForm() != null && e.hashForm() == DIGEST_FORM;
        String canonical;
        try {
            canonical = CANONICAL.writeValueAsString(Arrays.asList(seq, e.id(),
                    e.occurredAt() == null ? null : e.occurredAt().toString(), e.actor(), e.action(), e.entityType(),
                    e.entityId(), digests ? e.beforeDigest() : e.beforeState(), digests ? e.afterDigest() : e.afterState(),
                    digests ? e.reasonDigest() : e.reason(), prevHash));
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("cannot hash audit event " + e.id(), ex);
        }
        return Sha256.hex(canonical);
    }

    /** The SHA-256 of a text in hex, or null for null. */
    public static String digest(String text) {
        return text == null ? null : Sha256.hex(text);
    }
}
