/** The gateway: the only door for people and programs outside; routes, authenticates and authorises. */
package fi.hyte.gateway;
