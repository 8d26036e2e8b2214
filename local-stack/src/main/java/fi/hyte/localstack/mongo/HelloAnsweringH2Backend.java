package fi.hyte.localstack.mongo;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * The H2 backend of mongo-java-server, also answering {@code hello}: the command that replaced {@code isMaster} in
 * MongoDB 4.4 and that Spring Boot's {@code MongoHealthIndicator} runs. mongo-java-server 1.47 knows only
 * {@code isMaster}, so without this every service's health would stay DOWN.
 */
final class HelloAnsweringH2Backend extends H2Backend {

    HelloAnsweringH2Backend(String fileName) {
        super(fileName);
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        if (command.equalsIgnoreCase("hello")) {
            Document response = super.handleCommand(channel, databaseName, "isMaster", query);
            response.put("isWritablePrimary", Boolean.TRUE); // hello's name for ismaster
            return response;
        }
        return super.handleCommand(channel, databaseName, command, query);
    }
}
