package fi.hyte.indicator.indicator;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;

/**
 * The indicator catalogue. Like the region catalogue it is reference data, loaded once at startup from
 * Sotkanet's {@code GET /indicators} response in the module's resources ({@link SotkanetIndicators}) and held
 * in memory: a few thousand entries that change with THL's releases, not with use.
 */
public class Indicators {

    private final List<Indicator> all;
    private final Map<Integer, Indicator> byId;

    Indicators(List<Indicator> indicators) {
        this.all = indicators.stream()
                .sorted(Comparator.comparingInt(Indicator::id))
                .toList();
        this.byId = all.stream().collect(Collectors.toUnmodifiableMap(Indicator::id, Function.identity()));
    }

    public Optional<Indicator> find(int id) {
        return Optional.ofNullable(byId.get(id));
    }

    public boolean exists(int id) {
        return byId.containsKey(id);
    }

    public int size() {
        return all.size();
    }

    /** Every indicator id, ascending. */
    public List<Integer> ids() {
        return all.stream().map(Indicator::id).toList();
    }

    /** A page of the indicators, by id, whose title contains {@code query} in any language (all if null). */
    public Page<Indicator> search(String query, Pageable pageable) {
        List<Indicator> matching = query == null || query.isBlank()
                ? all
                : all.stream()
                        .filter(indicator -> indicator.title().contains(query.strip()))
                        .toList();
        int from = (int) Math.min(pageable.getOffset(), matching.size());
        int to = Math.min(from + pageable.getPageSize(), matching.size());
        return new PageImpl<>(matching.subList(from, to), pageable, matching.size());
    }
}
