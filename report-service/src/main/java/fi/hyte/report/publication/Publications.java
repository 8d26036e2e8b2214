package fi.hyte.report.publication;

import fi.hyte.report.report.Reports;
import fi.hyte.report.report.WelfareReport;
import fi.hyte.support.event.EventContext;
import fi.hyte.support.web.Problem;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishing: the live report of the moment becomes the next version. Two coordinators publishing at once
 * both get a version of their own: the loser of an insert race takes the next number.
 */
@Service
public class Publications {

    private final MongoTemplate mongo;
    private final Reports reports;
    private final JsonMapper json;
    private final Clock clock;

    Publications(MongoTemplate mongo, Reports reports, JsonMapper json, Clock clock) {
        this.mongo = mongo;
        this.reports = reports;
        this.json = json;
        this.clock = clock;
    }

    public Publication publish(String region, int year) {
        String report = json.writeValueAsString(reports.annual(region, year));
        String hash = sha256(report);
        for (int attempt = 0; attempt < 5; attempt++) {
            int next = latest(region, year) + 1;
            try {
                return mongo.insert(
                        Publication.publish(region, year, next, report, hash, EventContext.actor(), clock.instant()));
            } catch (DuplicateKeyException raced) {
                // someone published this number meanwhile: take the next one
            }
        }
        throw Problem.conflict("the report of %s %d is being published by others; try again".formatted(region, year));
    }

    /** The publications of a region's report for a year, oldest first, without their content. */
    public List<Publication> list(String region, int year) {
        var query = Query.query(Criteria.where("region").is(region).and("year").is(year))
                .with(Sort.by("number"));
        query.fields().exclude("report", "outbox");
        return mongo.find(query, Publication.class);
    }

    public Optional<Publication> find(String region, int year, int number) {
        return Optional.ofNullable(mongo.findById(region + ":" + year + ":" + number, Publication.class));
    }

    /** The published report as the renderers take it. */
    public WelfareReport content(Publication publication) {
        return json.readValue(publication.report(), WelfareReport.class);
    }

    private int latest(String region, int year) {
        var query = Query.query(Criteria.where("region").is(region).and("year").is(year))
                .with(Sort.by(Sort.Direction.DESC, "number"))
                .limit(1);
        query.fields().include("number");
        var latest = mongo.findOne(query, org.bson.Document.class, "publications");
        return latest == null ? 0 : latest.getInteger("number");
    }

    static String sha256(String content) {
        try {
            return "sha256:"
                    + HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256")
                                    .digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
