/** RFC 9457 problem details for every refusal, and the correlation id of each request. */
package fi.hyte.support.web;
