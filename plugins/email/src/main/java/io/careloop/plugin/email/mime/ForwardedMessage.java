package io.careloop.plugin.email.mime;

/** A message/rfc822 part: a mail the sender forwarded as a whole, shown below their text. */
public record ForwardedMessage(String from, String subject, String date, String messageId, String text) {
}
