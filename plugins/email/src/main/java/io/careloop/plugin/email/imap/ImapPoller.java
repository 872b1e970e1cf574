package io.careloop.plugin.email.imap;

import io.careloop.plugin.api.SourceState;
import io.careloop.plugin.email.EmailSettings;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.InterruptedIOException;
import java.util.Properties;

/**
 * Polls IMAP folders for messages not seen before. Per folder it remembers UIDVALIDITY and the
 * last UID taken in ({@link SourceState}); when the server's UIDVALIDITY changes (the folder was
 * rebuilt), it starts the folder over and relies on Message-ID duplicates to take nothing twice.
 * The last UID is saved after each message, so an interrupted poll repeats at most one message.
 * A processed message is flagged ({@code \Seen} plus the keyword {@code CareLoop}) or moved.
 */
public final class ImapPoller {

    /** The keyword a processed message gets (when the server allows keywords). */
    public static final String PROCESSED_KEYWORD = "CareLoop";

    private static final Logger log = LoggerFactory.getLogger(ImapPoller.class);

    /** Takes one message's raw bytes in; throws when the engine failed (the poll then stops). */
    @FunctionalInterface
    public interface Consumer {
        void message(String folder, long uid, byte[] raw) throws Exception;
    }

    private final EmailSettings settings;

    public ImapPoller(EmailSettings settings) {
        this.settings = settings;
    }

    /** Polls every configured folder once; returns how many messages were taken in. */
    public int poll(SourceState state, Consumer consumer) throws Exception {
        Session session = Session.getInstance(properties());
        String protocol = settings.imapSecurity().equals("ssl") ? "imaps" : "imap";
        int taken = 0;
        try (Store store = session.getStore(protocol)) {
            store.connect(settings.imapHost(), settings.imapPort(), settings.imapUser(), settings.imapPassword());
            for (String name : settings.folders()) {
                taken += pollFolder(store, name, state, consumer, settings.maxPerPoll() - taken);
            }
        }
        return taken;
    }

    /** @param budget how many messages this poll may still take (a poll must end within the host's time limit) */
    private int pollFolder(Store store, String name, SourceState state, Consumer consumer, int budget)
            throws Exception {
        if (budget <= 0) {
            return 0;
        }
        Folder folder = store.getFolder(name);
        if (!folder.exists()) {
            throw new MessagingException("IMAP folder " + name + " does not exist");
        }
        folder.open(Folder.READ_WRITE);
        int taken = 0;
        try {
            UIDFolder uids = (UIDFolder) folder;
            long validity = uids.getUIDValidity();
            String validityKey = "imap." + name + ".uidvalidity";
            String lastUidKey = "imap." + name + ".lastUid";
            long lastUid = 0;
            if (Long.toString(validity).equals(state.get(validityKey))) {
                String saved = state.get(lastUidKey);
                lastUid = saved == null ? 0 : Long.parseLong(saved);
            } else if (state.get(validityKey) != null) {
                log.warn("imap folder={} uidvalidity changed from {} to {}: reading it again",
                        name, state.get(validityKey), validity);
            }
            state.put(validityKey, Long.toString(validity));
            Message[] messages = uids.getMessagesByUID(lastUid + 1, UIDFolder.MAXUID);
            for (Message message : messages) {
                if (taken >= budget) {
                    break; // the rest comes with the next poll
                }
                if (Thread.interrupted()) {
                    throw new InterruptedIOException("imap poll interrupted in folder " + name);
                }
                long uid = uids.getUID(message);
                if (uid <= lastUid) {
                    continue; // "n:*" always returns the last message, even when it is older
                }
                consumer.message(name, uid, raw(message));
                markProcessed(folder, message);
                state.put(lastUidKey, Long.toString(uid));
                lastUid = uid;
                taken++;
            }
            if (settings.processed().equals("move")) {
                folder.expunge();
            }
        } finally {
            if (folder.isOpen()) {
                folder.close(false);
            }
        }
        return taken;
    }

    private void markProcessed(Folder folder, Message message) throws MessagingException {
        if (settings.processed().equals("move")) {
            Folder target = folder.getStore().getFolder(settings.processedFolder());
            if (!target.exists()) {
                target.create(Folder.HOLDS_MESSAGES);
            }
            if (folder instanceof IMAPFolder imap) {
                imap.moveMessages(new Message[]{message}, target); // MOVE, or COPY + delete
            } else {
                folder.copyMessages(new Message[]{message}, target);
                message.setFlag(Flags.Flag.DELETED, true);
            }
            return;
        }
        Flags flags = new Flags(Flags.Flag.SEEN);
        if (folder.getPermanentFlags().contains(Flags.Flag.USER)) {
            flags.add(PROCESSED_KEYWORD);
        }
        message.setFlags(flags, true);
    }

    private static byte[] raw(Message message) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out); // the message as the server has it, byte for byte
        return out.toByteArray();
    }

    private Properties properties() {
        Properties p = new Properties();
        String protocol = settings.imapSecurity().equals("ssl") ? "imaps" : "imap";
        p.setProperty("mail." + protocol + ".connectiontimeout", "30000");
        p.setProperty("mail." + protocol + ".timeout", "60000");
        p.setProperty("mail." + protocol + ".writetimeout", "60000");
        p.setProperty("mail." + protocol + ".partialfetch", "false");
        if (settings.imapSecurity().equals("starttls")) {
            p.setProperty("mail.imap.starttls.enable", "true");
            p.setProperty("mail.imap.starttls.required", "true");
        }
        return p;
    }
}
