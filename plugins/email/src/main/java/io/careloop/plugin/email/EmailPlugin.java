package io.careloop.plugin.email;

import org.pf4j.Plugin;

/**
 * The e-mail channel: {@link EmailSource} (IMAP polling, .eml/.mbox import) and
 * {@link EmailChannel} (SMTP replies). PF4J finds both through their {@code @Extension}.
 */
public class EmailPlugin extends Plugin {
}
