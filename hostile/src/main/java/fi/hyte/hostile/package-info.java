/**
 * The hostile-input suite: every operation of the OpenAPI document hit with generated valid and invalid requests and
 * a fixed list of attacks, through the gateway of the real stack, judged by status, body and the stores.
 */
package fi.hyte.hostile;
