import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the suite's topics on the local broker before the services start. Left to auto-creation, the
 * first submission after a start waits seconds while the producer creates its topic and the consumers
 * notice it. Run by deploy/local/suite.sh with the broker's jars:
 * java -cp '.local/kafka/libs/*' CreateTopics.java BOOTSTRAP PARTITIONS TOPIC...
 * A name ending in ":compact" is a compacted topic of one partition (the catalogue: the latest record per key
 * is what counts, and one partition keeps its records in order).
 */
public class CreateTopics {

    public static void main(String[] args) throws InterruptedException {
        int partitions = Integer.parseInt(args[1]);
        List<String> names = List.of(args).subList(2, args.length).stream().map(n -> n.replace(":compact", "")).toList();
        Set<String> compacted = List.of(args).subList(2, args.length).stream().filter(n -> n.endsWith(":compact"))
                .map(n -> n.replace(":compact", "")).collect(java.util.stream.Collectors.toSet());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]))) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = names.stream().filter(name -> !existing.contains(name))
                    .map(name -> compacted.contains(name)
                            ? new NewTopic(name, 1, (short) 1).configs(Map.of("cleanup.policy", "compact"))
                            : new NewTopic(name, partitions, (short) 1)).toList();
            admin.createTopics(missing).all().get();
            System.out.println("topics ready: " + String.join(", ", names));
        } catch (ExecutionException e) {
            // another process created one meanwhile: that is what we wanted
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("could not create the topics: " + e.getCause().getMessage(), e);
            }
        }
    }
}
