package fi.hyte.action.goal;

import org.springframework.data.repository.ListCrudRepository;

/** The approved goals this service has learnt of. */
public interface KnownGoals extends ListCrudRepository<KnownGoal, String> {}
