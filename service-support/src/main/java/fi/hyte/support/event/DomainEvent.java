package fi.hyte.support.event;

/**
 * A state change an aggregate raises. Its record components are the published payload; the logical
 * type and schema version name it on the wire.
 */
public interface DomainEvent {

    /** Logical type on the wire, e.g. {@code goal.approved}. */
    String type();

    /** Schema version of this type's payload; raise it only for additive changes. */
    default int schemaVersion() {
        return 1;
    }
}
