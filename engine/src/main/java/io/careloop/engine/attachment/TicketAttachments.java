package io.careloop.engine.attachment;

import io.careloop.engine.error.NotFoundException;
import io.careloop.engine.process.Transactions;
import io.careloop.engine.process.Tx;
import io.careloop.engine.text.SafeFileName;
import io.careloop.engine.ticket.Ticket;
import io.careloop.engine.ticket.TicketMapper;
import io.careloop.plugin.api.Attachment;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files that come with inbound items. In two steps, because a file can be large and a
 * transaction must be short: {@link #stage} streams each file into {@link AttachmentFiles} (by
 * hash, within the per-file limit) before the item's transaction; {@link #record} then writes the
 * rows in the item's transaction, applying the per-ticket limit and skipping a file the ticket
 * already has (same hash). If that transaction rolls back, the staged content stays on disk
 * unreferenced: harmless, since it is named by its hash and found again by the next attempt.
 */
public final class TicketAttachments {

    /** The name an erased attachment shows. */
    public static final String ERASED_NAME = "[erased]";

    private static final Logger LOG = LoggerFactory.getLogger(TicketAttachments.class);

    private final AttachmentFiles files;
    private final Transactions tx;
    private final Clock clock;
    private volatile AttachmentLimits limits;

    public TicketAttachments(AttachmentFiles files, Transactions tx, Clock clock, AttachmentLimits limits) {
        this.files = files;
        this.tx = tx;
        this.clock = clock;
        this.limits = limits;
    }

    /** Sets the limits from the configuration (applies to items taken in from now on). */
    public void limit(AttachmentLimits limits) {
        this.limits = limits;
    }

    public AttachmentLimits limits() {
        return limits;
    }

    /**
     * A file copied into the store (or refused), waiting for its item's transaction.
     *
     * @param refusal why it is not stored, or null
     */
    public record Staged(String fileName, String declaredType, String contentType, long size, String sha256,
                         String refusal) {
    }

    /** Streams each attachment into the store; never throws for a file (an unreadable one is refused). */
    public List<Staged> stage(List<Attachment> attachments) {
        List<Staged> staged = new ArrayList<>(attachments.size());
        AttachmentLimits l = limits;
        for (Attachment a : attachments) {
            String name = SafeFileName.of(a.fileName());
            String declared = a.contentType().length() > 255 ? a.contentType().substring(0, 255) : a.contentType();
            if (a.size() > l.perFile()) {
                staged.add(new Staged(name, declared, "application/octet-stream", a.size(), null, overFile(l)));
                continue;
            }
            try (InputStream in = a.content().open()) {
                AttachmentFiles.Copied c = files.copy(in, l.perFile());
                staged.add(c.overLimit()
                        ? new Staged(name, declared, c.contentType(), Math.max(a.size(), c.size()), null, overFile(l))
                        : new Staged(name, declared, c.contentType(), c.size(), c.sha256(), null));
            } catch (IOException | RuntimeException e) {
                LOG.warn("attachment.unreadable file={} cause={}", name, e.toString());
                staged.add(new Staged(name, declared, "application/octet-stream", Math.max(a.size(), 0), null,
                        "the channel could not read the file: " + e.getMessage()));
            }
        }
        return staged;
    }

    /** Records staged files on the ticket, in the caller's transaction. */
    public void record(Tx t, String ticketNumber, List<Staged> staged, String source) {
        if (staged.isEmpty()) {
            return;
        }
        Ticket ticket = t.mapper(TicketMapper.class).findByNumber(ticketNumber);
        AttachmentMapper m = t.mapper(AttachmentMapper.class);
        AttachmentLimits l = limits;
        long used = m.storedBytes(ticket.id());
        for (Staged s : staged) {
            String refusal = s.refusal();
            String sha = s.sha256();
            if (sha != null && m.countWithHash(ticket.id(), sha) > 0) {
                continue; // the ticket has this file already
            }
            if (refusal == null && used + s.size() > l.perTicket()) {
                refusal = "the ticket's attachments would exceed " + l.perTicket() + " bytes";
                sha = null;
            }
            if (refusal == null) {
                used += s.size();
            } else {
                LOG.info("attachment.refused ticket={} source={} size={} reason={}", ticketNumber, source, s.size(), refusal);
            }
            m.insert(new StoredAttachment(null, ticket.id(), s.fileName(), s.declaredType(), s.contentType(), s.size(), sha,
                    refusal == null ? StoredAttachment.STORED : StoredAttachment.REFUSED,
                    refusal == null ? null : cut(refusal), source, clock.instant()));
        }
    }

    /** The ticket's attachments, stored and refused, oldest first. */
    public List<StoredAttachment> list(String ticketNumber) {
        return tx.read(s -> {
            Ticket t = s.getMapper(TicketMapper.class).findByNumber(ticketNumber);
            if (t == null) {
                throw new NotFoundException("no ticket " + ticketNumber);
            }
            return s.getMapper(AttachmentMapper.class).forTicket(t.id());
        });
    }

    /** A stored attachment and its content, to download. */
    public record Download(StoredAttachment attachment, InputStream content) {
    }

    /** Opens attachment {@code id} of the ticket; not found when it is not the ticket's or was refused. */
    public Download open(String ticketNumber, long id) {
        StoredAttachment a = tx.read(s -> s.getMapper(AttachmentMapper.class).find(ticketNumber, id));
        if (a == null) {
            throw new NotFoundException("ticket " + ticketNumber + " has no attachment " + id);
        }
        if (!a.stored()) {
            throw new NotFoundException("attachment " + id + " of ticket " + ticketNumber + " was " + a.state() + ": " + a.reason());
        }
        try {
            return new Download(a, files.open(a.sha256()));
        } catch (IOException e) {
            throw new NotFoundException("the content of attachment " + id + " is missing from the store");
        }
    }

    /**
     * Erasure and retention, in their transaction: with {@code eraseContent} every attachment of the
     * ticket loses its name and its content (the file is removed once committed, unless another
     * ticket holds the same bytes); otherwise (a regulated record, kept by law) only the names are
     * rewritten by {@code rename}. Returns how many attachments changed.
     */
    public int scrub(Tx t, long ticketId, boolean eraseContent, UnaryOperator<String> rename) {
        AttachmentMapper m = t.mapper(AttachmentMapper.class);
        Set<String> released = new HashSet<>();
        int changed = 0;
        for (StoredAttachment a : m.forTicket(ticketId)) {
            if (eraseContent && !StoredAttachment.ERASED.equals(a.state())) {
                changed += m.erase(a.id(), ERASED_NAME, "erased with the ticket's texts");
                if (a.sha256() != null) {
                    released.add(a.sha256());
                }
            } else if (!eraseContent) {
                String name = rename.apply(a.fileName());
                if (!name.equals(a.fileName())) {
                    changed += m.rename(a.id(), SafeFileName.of(name));
                }
            }
        }
        if (!released.isEmpty()) {
            t.afterCommit(() -> removeUnused(released));
        }
        return changed;
    }

    private void removeUnused(Set<String> hashes) {
        for (String sha : hashes) {
            if (tx.read(s -> s.getMapper(AttachmentMapper.class).countUsing(sha)) == 0) {
                files.delete(sha);
            }
        }
    }

    private static String overFile(AttachmentLimits l) {
        return "the file is larger than the limit of " + l.perFile() + " bytes";
    }

    private static String cut(String s) {
        return s.length() > 500 ? s.substring(0, 500) : s;
    }
}
