package fi.hyte.indicator.feed;

import org.springframework.data.repository.ListCrudRepository;

/** All feeds. */
public interface Feeds extends ListCrudRepository<Feed, String> {}
