package io.careloop.engine.intake;

import io.careloop.engine.text.Sha256;

/**
 * The form a channel's key (ledger source key, Message-ID) takes when the person it belongs to is
 * erased: a key can name them (a phone number in a call id, an address in a Message-ID), so erasure
 * keeps only its SHA-256. The ledger still knows the item: re-importing the same mailbox or file
 * after an erasure finds it as a duplicate instead of bringing the person's data back.
 */
public final class ErasedKey {

    static final String PREFIX = "erased:";

    private ErasedKey() {
    }

    public static String of(String key) {
        if (key == null || key.startsWith(PREFIX)) {
            return key;
        }
        return PREFIX + Sha256.hex(key);
    }
}
