package fi.hyte.support.event;

/** An incoming record that cannot be understood; it ends up in the dead-letter topic with this message. */
public class UnreadableEvent extends RuntimeException {

    public UnreadableEvent(String message) {
        super(message);
    }

    public UnreadableEvent(String message, Throwable cause) {
        super(message, cause);
    }
}
