package fi.hyte.localstack;

import fi.hyte.localstack.issuer.DemoClient;
import fi.hyte.localstack.process.ChildStatus;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the person who started the stack sees: plain lines on stdout, not log records, so that a script can wait
 * for the line starting with {@code ready}. Each call prints whole lines at once, since supervisors print from
 * their own threads.
 */
final class Console {

    private final PrintStream out;

    Console(PrintStream out) {
        this.out = out;
    }

    void line(String text) {
        out.println(text);
        out.flush();
    }

    void failure(StackStartupException failure) {
        StringBuilder text = new StringBuilder()
                .append('\n')
                .append("FAILED: ")
                .append(failure.getMessage())
                .append('\n');
        if (!failure.logTail().isEmpty()) {
            text.append("Last lines of ").append(failure.logFile()).append(":\n");
            failure.logTail().forEach(l -> text.append("  | ").append(l).append('\n'));
        }
        line(text.toString());
    }

    /** The status table, the demo clients and how to get a token. */
    void summary(List<ChildStatus> components, StackLayout layout, String tokenUri) {
        StringBuilder text = new StringBuilder("\n");
        String row = "%-18s %-6s %-8s %-10s %s%n";
        text.append(row.formatted("NAME", "PORT", "PID", "HEALTH", "LOG"));
        for (ChildStatus c : components) {
            text.append(row.formatted(
                    c.name(),
                    c.port(),
                    c.pid() < 0 ? "-" : c.pid(),
                    c.state(),
                    c.logFile() == null ? "-" : layout.display(c.logFile())));
        }
        text.append("\nDemo clients (secret \"")
                .append(DemoClient.SECRET)
                .append("\" for all; aud ")
                .append(DemoClient.AUDIENCE)
                .append("; tokens live 1 h):\n");
        String client = "  %-14s %-13s %s%n";
        text.append(client.formatted("CLIENT", "ROLES", "OTHER CLAIMS"));
        for (DemoClient c : DemoClient.ALL) {
            String others = c.claims().entrySet().stream()
                    .filter(e -> !e.getKey().equals("roles"))
                    .map(Map.Entry::getKey)
                    .map(key -> key + "=" + c.claims().get(key))
                    .collect(Collectors.joining(", "));
            text.append(client.formatted(c.clientId(), String.join(",", c.roles()), others.isEmpty() ? "-" : others));
        }
        text.append("\nGet a token:\n  curl -s -u coordinator:")
                .append(DemoClient.SECRET)
                .append(" -d grant_type=client_credentials ")
                .append(tokenUri)
                .append('\n');
        line(text.toString());
    }
}
