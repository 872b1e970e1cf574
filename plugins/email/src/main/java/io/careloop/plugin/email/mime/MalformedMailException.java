package io.careloop.plugin.email.mime;

/** A message that cannot be read at all; the import quarantines it with this reason. */
public class MalformedMailException extends RuntimeException {

    public MalformedMailException(String message, Throwable cause) {
        super(message, cause);
    }
}
