package fi.hyte.indicator.feed;

import org.springframework.data.repository.ListCrudRepository;

/** The chunks of all feeds, keyed {@code <feed id>:<seq>}. */
interface FeedChunks extends ListCrudRepository<FeedChunk, String> {

    void deleteByFeedId(String feedId);
}
