package fi.hyte.hostile;

import fi.hyte.hostile.cases.Case;
import fi.hyte.hostile.stack.Gateway.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The counts: per operation and per class of case, by status class, and every violation. */
final class Tally {

    /** The counts of one row. */
    static final class Row {
        int cases;
        int valid;
        int validAccepted;
        int invalid;
        int invalidRefused;
        int hostile;
        int hostileAccepted;
        int s2xx;
        int s4xx;
        int s5xx;
        int other;
        int violations;

        void add(Case c, Reply reply, boolean violation) {
            cases++;
            int status = reply.status();
            boolean ok = status >= 200 && status < 300;
            switch (c.expect()) {
                case VALID -> {
                    valid++;
                    validAccepted += ok ? 1 : 0;
                }
                case INVALID -> {
                    invalid++;
                    invalidRefused += status >= 400 && status < 500 ? 1 : 0;
                }
                case HOSTILE -> {
                    hostile++;
                    hostileAccepted += ok ? 1 : 0;
                }
            }
            if (ok) {
                s2xx++;
            } else if (status >= 400 && status < 500) {
                s4xx++;
            } else if (status >= 500) {
                s5xx++;
            } else {
                other++;
            }
            violations += violation ? 1 : 0;
        }
    }

    final Map<String, Row> operations = new TreeMap<>();
    final Map<String, Row> kinds = new TreeMap<>();
    final Row total = new Row();
    final List<String> violations = new ArrayList<>();
    final Map<String, Integer> statuses = new TreeMap<>();
    int storeChecks;
    int resourceChecks;

    synchronized void add(Case c, Reply reply, String violation) {
        boolean v = violation != null;
        operations.computeIfAbsent(c.operation(), k -> new Row()).add(c, reply, v);
        kinds.computeIfAbsent(c.kind() + " (" + c.expect().name().toLowerCase() + ")", k -> new Row())
                .add(c, reply, v);
        total.add(c, reply, v);
        statuses.merge(String.valueOf(reply.status()), 1, Integer::sum);
        if (v) {
            violations.add(violation);
        }
    }

    synchronized void violation(String operation, String what) {
        violations.add(operation + ": " + what);
        operations.computeIfAbsent(operation, k -> new Row()).violations++;
        total.violations++;
    }

    String table() {
        StringBuilder out = new StringBuilder();
        out.append(
                "\n| operation | cases | valid (2xx) | invalid (4xx problem+json) | hostile (taken) | 2xx | 4xx | 5xx | violations |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        operations.forEach((name, row) -> out.append(line(name, row)));
        out.append(line("**total**", total));
        out.append("\n| class of case | cases | 2xx | 4xx | 5xx | violations |\n|---|---:|---:|---:|---:|---:|\n");
        kinds.forEach((name, row) -> out.append("| %s | %d | %d | %d | %d | %d |\n"
                .formatted(name, row.cases, row.s2xx, row.s4xx, row.s5xx, row.violations)));
        out.append("\nstatuses: ").append(statuses).append('\n');
        out.append("store snapshots compared around refused batches: %d; resources compared by GET: %d%n"
                .formatted(storeChecks, resourceChecks));
        out.append("violations: ").append(violations.size()).append('\n');
        violations.stream().limit(200).forEach(v -> out.append("  - ").append(v).append('\n'));
        return out.toString();
    }

    private static String line(String name, Row row) {
        return "| %s | %d | %d (%d) | %d (%d) | %d (%d) | %d | %d | %d | %d |\n"
                .formatted(
                        name,
                        row.cases,
                        row.valid,
                        row.validAccepted,
                        row.invalid,
                        row.invalidRefused,
                        row.hostile,
                        row.hostileAccepted,
                        row.s2xx,
                        row.s4xx,
                        row.s5xx,
                        row.violations);
    }
}
