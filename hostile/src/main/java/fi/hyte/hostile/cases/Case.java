package fi.hyte.hostile.cases;

import fi.hyte.hostile.stack.Gateway.Request;

/**
 * One request and what it must get.
 *
 * @param operation the OpenAPI operation ({@code POST /api/plans})
 * @param kind the class of case ({@code valid}, {@code wrong-type}, {@code mongo-operator}...)
 * @param expect what answers pass
 * @param request the request as sent
 * @param note what was changed, for the report of a violation
 */
public record Case(String operation, String kind, Expect expect, Request request, String note) {

    /** What a case must get. */
    public enum Expect {
        /** A request the API document allows: anything but 5xx (2xx, or 4xx for a domain reason). */
        VALID,
        /** A request the API must refuse: 4xx with {@code application/problem+json}, and no stored change. */
        INVALID,
        /**
         * Hostile but well-formed (a string value that reads like a Mongo operator, a huge value where the
         * document sets no bound, another tenant's id where reading is allowed): no 5xx, a refusal is problem+json,
         * and what is accepted is taken literally.
         */
        HOSTILE
    }
}
