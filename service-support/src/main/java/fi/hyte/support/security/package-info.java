/** Resource-server security: JWT roles and the caller's region and organisation. */
package fi.hyte.support.security;
