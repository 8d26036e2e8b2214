package fi.hyte.plan.plan;

import java.util.List;
import org.springframework.data.repository.ListCrudRepository;

/** All plans. */
public interface Plans extends ListCrudRepository<Plan, String> {

    List<Plan> findByRegionOrderByTermStartDesc(String region);

    List<Plan> findAllByOrderByTermStartDesc();
}
