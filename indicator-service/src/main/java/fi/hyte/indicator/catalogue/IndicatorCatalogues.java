package fi.hyte.indicator.catalogue;

import org.springframework.data.repository.ListCrudRepository;

/** The catalogue announcements (one document). */
interface IndicatorCatalogues extends ListCrudRepository<IndicatorCatalogue, String> {}
