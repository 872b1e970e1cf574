package io.careloop.engine.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

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
        try {
            return PREFIX + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
