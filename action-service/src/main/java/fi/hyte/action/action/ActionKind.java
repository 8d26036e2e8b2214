package fi.hyte.action.action;

/** An ordinary action, or a phenomenon workshop (ilmiötyöpaja). */
public enum ActionKind {
    ACTION,
    WORKSHOP
}
