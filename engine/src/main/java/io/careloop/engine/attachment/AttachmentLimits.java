package io.careloop.engine.attachment;

/**
 * How much an inbound item may bring: one file at most {@code perFile} bytes, all files of one
 * ticket together at most {@code perTicket} bytes. A file over either limit is not stored; it is
 * recorded on the ticket as refused, with its name, size and the reason, and the item itself is
 * still taken in (a customer's complaint is never lost because of a large photo).
 */
public record AttachmentLimits(long perFile, long perTicket) {

    /** 25 MB a file, 100 MB a ticket. */
    public static final AttachmentLimits DEFAULTS = new AttachmentLimits(25L * 1024 * 1024, 100L * 1024 * 1024);

    public AttachmentLimits {
        if (perFile <= 0 || perTicket <= 0) {
            throw new IllegalArgumentException("attachment limits must be positive: " + perFile + ", " + perTicket);
        }
    }
}
