package io.careloop.engine.db;

/**
 * Receives the identity the database generated for an insert (MyBatis writes it into {@link #id});
 * our records are immutable, so the key travels in this holder instead.
 */
public final class GeneratedKey {
    private Long id;

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }
}
