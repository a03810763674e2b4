package org.courriel.deploy.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.courriel.deploy.testing.ServerProcess;
import org.junit.jupiter.api.Test;

/**
 * A server started with no address settings: the REST API and H2's AUTO_SERVER port listen on loopback only
 * (the kernel's table of listening sockets says so), and the admin command line still reaches the database.
 */
class SafeDefaultsTest {

    @Test
    void restApiAndH2ServerListenOnLoopbackOnly() throws Exception {
        Path dir = Files.createTempDirectory("safe");
        Path data = dir.resolve("data");
        try (ServerProcess server = ServerProcess.start(data, "cli.test", List.of())) {
            Matcher tomcat = Pattern.compile("Tomcat started on port (\\d+) \\(http\\)").matcher(server.log());
            assertThat(tomcat.find()).as(server.log()).isTrue();
            int restPort = Integer.parseInt(tomcat.group(1));
            assertThat(ListeningSockets.on(restPort)).isNotEmpty().allMatch(ListeningSockets::isLoopback);

            Properties lock = new Properties();
            try (Reader r = Files.newBufferedReader(data.resolve("courriel.lock.db"))) {
                lock.load(r);
            }
            String h2Server = lock.getProperty("server");
            assertThat(h2Server).as("AUTO_SERVER address in the lock file").matches("(127\\.0\\.0\\.1|localhost):\\d+");
            int h2Port = Integer.parseInt(h2Server.substring(h2Server.lastIndexOf(':') + 1));
            assertThat(ListeningSockets.on(h2Port)).isNotEmpty().allMatch(ListeningSockets::isLoopback);
        }
    }
}
