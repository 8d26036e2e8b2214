package fi.hyte.support.web;

import org.springframework.http.HttpStatus;

/**
 * A refusal the domain or a controller raises; {@link ProblemHandler} answers it as RFC 9457
 * {@code application/problem+json}, naming the offending field where there is one.
 */
public class Problem extends RuntimeException {

    private final HttpStatus status;
    private final String title;
    private final String field;

    public Problem(HttpStatus status, String title, String detail, String field) {
        super(detail);
        this.status = status;
        this.title = title;
        this.field = field;
    }

    public static Problem notFound(String what, Object id) {
        return new Problem(HttpStatus.NOT_FOUND, "Not found", "No %s with id %s".formatted(what, id), null);
    }

    /** The request is well-formed but the current state forbids it (for example an illegal transition). */
    public static Problem conflict(String detail) {
        return new Problem(HttpStatus.CONFLICT, "Conflict with the current state", detail, null);
    }

    /** A field's value is well-formed but not acceptable. */
    public static Problem invalid(String field, String detail) {
        return new Problem(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid value", detail, field);
    }

    public static Problem forbidden(String detail) {
        return new Problem(HttpStatus.FORBIDDEN, "Forbidden", detail, null);
    }

    public static Problem preconditionFailed(String detail) {
        return new Problem(HttpStatus.PRECONDITION_FAILED, "Precondition failed", detail, null);
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String field() {
        return field;
    }
}
