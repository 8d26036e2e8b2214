/** HTTP API of indicator feeds: submission, progress, and their one mapping place. */
package fi.hyte.indicator.feed.web;
