package io.careloop.plugin.email.thread;

/** What an inbound message does. */
public enum Decision {
    /** Opens a new ticket. */
    NEW_TICKET,
    /** Adds the customer's reply to an existing ticket. */
    REPLY,
    /** An auto-reply, vacation notice or list mail: no ticket, no reply. */
    IGNORED_AUTO_REPLY,
    /** Mail from our own address (a loop): no ticket, no reply. */
    IGNORED_OWN_MAIL,
    /** A delivery failure report: marks the recipient as failing, no ticket, no reply. */
    BOUNCE
}
