package fi.hyte.action.action;

import java.time.Instant;

/** A progress report: a note and how far along the action is. */
public record Progress(Instant at, String by, String note, int percentComplete) {}
