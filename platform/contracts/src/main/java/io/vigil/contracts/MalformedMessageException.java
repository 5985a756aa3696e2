package io.vigil.contracts;

/**
 * A record that cannot be read as a Vigil message: not JSON, no envelope, an unknown type or a
 * payload that does not fit its type. Retrying cannot help; such records go to the dead-letter topic.
 */
public class MalformedMessageException extends RuntimeException {

    public MalformedMessageException(String message) {
        super(message);
    }

    public MalformedMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
