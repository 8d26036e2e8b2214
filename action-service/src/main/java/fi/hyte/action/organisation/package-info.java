/** The organisations that own actions: the county, its municipalities, HUS and NGOs. */
package fi.hyte.action.organisation;
