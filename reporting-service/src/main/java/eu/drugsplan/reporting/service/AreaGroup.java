package eu.drugsplan.reporting.service;

import eu.drugsplan.contracts.catalogue.CatalogueEvent;

/**
 * What an area is to an EU action plan, from the REF_AREA code list: the EU aggregate, a Member State (parent
 * EU27_2020), a Reitox partner (Norway, Türkiye: property reitoxPartner) or another country (the waste-water
 * cities of Australia, Brazil, Canada, the United States ...). A sub-national area (a waste-water site) is of its
 * country's group.
 */
public enum AreaGroup {
    EU_AGGREGATE,
    EU_MEMBER_STATE,
    REITOX_PARTNER,
    OTHER_COUNTRY,
    /** Not in the code list as known here (or the code list was never read). */
    UNKNOWN;

    static AreaGroup of(CatalogueEvent.Area country) {
        if (country == null) {
            return UNKNOWN;
        }
        if (AreaCatalogue.EU.equals(country.code())) {
            return EU_AGGREGATE;
        }
        if (AreaCatalogue.EU.equals(country.parent())) {
            return EU_MEMBER_STATE;
        }
        Object partner = country.properties().get("reitoxPartner");
        return Boolean.TRUE.equals(partner) ? REITOX_PARTNER : OTHER_COUNTRY;
    }
}
