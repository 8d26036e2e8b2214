package fi.hyte.action.action;

import org.springframework.data.repository.ListCrudRepository;

/** All actions; queries with several optional filters go through {@code MongoTemplate}. */
public interface Actions extends ListCrudRepository<Action, String> {}
