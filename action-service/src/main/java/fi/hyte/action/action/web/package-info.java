/** HTTP API of actions: request and response records and their one mapping place. */
package fi.hyte.action.action.web;
