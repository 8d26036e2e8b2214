/** Development OAuth2 issuer (client credentials only) with the demo clients and their claims. */
package fi.hyte.localstack.issuer;
