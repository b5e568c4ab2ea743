package org.sparksweep.cluster;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.apache.hadoop.yarn.server.MiniYARNCluster;

/**
 * A real HDFS (one namenode, one datanode) and a real YARN (a ResourceManager and one NodeManager,
 * whose containers are separate JVMs) in the test JVM, on 127.0.0.1, sharing one configuration. A
 * client configuration directory (core-site.xml, yarn-site.xml) lets spark-submit reach them as it
 * would a real cluster through HADOOP_CONF_DIR. Closing stops both and kills any container process
 * still running.
 */
final class HadoopCluster implements AutoCloseable {
    final Path dir;
    final Path confDir;
    final MiniDFSCluster dfs;
    final MiniYARNCluster yarn;
    final String hdfs; // hdfs://127.0.0.1:PORT

    private HadoopCluster(Path dir, Path confDir, MiniDFSCluster dfs, MiniYARNCluster yarn) {
        this.dir = dir;
        this.confDir = confDir;
        this.dfs = dfs;
        this.yarn = yarn;
        this.hdfs = "hdfs://127.0.0.1:" + dfs.getNameNodePort();
    }

    static HadoopCluster start(Path dir) throws IOException {
        Files.createDirectories(dir);
        Configuration conf = new Configuration();
        conf.set("hadoop.tmp.dir", dir.resolve("tmp").toString());
        conf.set("dfs.namenode.http-address", "127.0.0.1:0");
        conf.set("dfs.datanode.address", "127.0.0.1:0");
        conf.set("dfs.datanode.http.address", "127.0.0.1:0");
        conf.set("dfs.datanode.ipc.address", "127.0.0.1:0");
        conf.setBoolean("dfs.permissions.enabled", false);
        MiniDFSCluster dfs = new MiniDFSCluster.Builder(conf, dir.resolve("dfs").toFile())
                .nameNodeHttpPort(0).numDataNodes(1).format(true).build();
        MiniYARNCluster yarn = null;
        try {
            dfs.waitActive();
            YarnConfiguration yc = new YarnConfiguration(dfs.getConfiguration(0));
            yc.set("fs.defaultFS", "hdfs://127.0.0.1:" + dfs.getNameNodePort());
            // room for an application master and two executors of 512 MiB (+ Spark's 384 MiB overhead each), twice over
            yc.setInt("yarn.nodemanager.resource.memory-mb", 8192);
            yc.setInt("yarn.nodemanager.resource.cpu-vcores", 8);
            yc.setInt("yarn.scheduler.minimum-allocation-mb", 128);
            yc.setInt("yarn.scheduler.maximum-allocation-mb", 4096);
            // the capacity scheduler with two queues: default, and sweeps (which the YARN tests submit to with QUEUE=sweeps)
            yc.set("yarn.scheduler.capacity.root.queues", "default,sweeps");
            for (String q : new String[] {"default", "sweeps"}) {
                yc.set("yarn.scheduler.capacity.root." + q + ".capacity", "50");
                yc.set("yarn.scheduler.capacity.root." + q + ".maximum-capacity", "100");
                yc.set("yarn.scheduler.capacity.root." + q + ".user-limit-factor", "2");
            }
            yc.setFloat("yarn.scheduler.capacity.maximum-am-resource-percent", 1.0f);
            yc.setBoolean("yarn.nodemanager.pmem-check-enabled", false);
            yc.setBoolean("yarn.nodemanager.vmem-check-enabled", false);
            yc.setInt("yarn.resourcemanager.am.max-attempts", 2);
            yc.setBoolean("yarn.timeline-service.enabled", false);
            yc.set("yarn.nodemanager.disk-health-checker.max-disk-utilization-per-disk-percentage", "99.5");
            yc.setInt("yarn.nodemanager.delete.debug-delay-sec", 3600); // container logs and scripts stay for failure messages
            yarn = new MiniYARNCluster("sparksweep-yarn", 1, 1, 1);
            yarn.init(yc);
            yarn.start();
            Configuration client = yarn.getConfig();
            Path confDir = dir.resolve("hadoop-conf");
            Files.createDirectories(confDir);
            Configuration core = new Configuration(false);
            core.set("fs.defaultFS", "hdfs://127.0.0.1:" + dfs.getNameNodePort());
            write(core, confDir.resolve("core-site.xml"));
            Configuration site = new Configuration(false);
            for (Map.Entry<String, String> e : client) {
                if (e.getKey().startsWith("yarn.")) site.set(e.getKey(), e.getValue());
            }
            write(site, confDir.resolve("yarn-site.xml"));
            return new HadoopCluster(dir, confDir, dfs, yarn);
        } catch (IOException | RuntimeException e) {
            if (yarn != null) yarn.stop();
            dfs.shutdown();
            throw e;
        }
    }

    private static void write(Configuration conf, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            conf.writeXml(out);
        }
    }

    FileSystem fs() throws IOException {
        return dfs.getFileSystem();
    }

    /** The ResourceManager's address as the client configuration has it. */
    String resourceManager() {
        return yarn.getConfig().get(YarnConfiguration.RM_ADDRESS);
    }

    /** JVMs this JVM started (container JVMs launched by the NodeManager) whose command line contains {@code text}. */
    static List<ProcessHandle> processes(String text) {
        List<ProcessHandle> out = new ArrayList<>();
        ProcessHandle.current().descendants().forEach(p -> {
            // the JVM itself, not the shell (bash -c java …) the NodeManager starts it with
            boolean java = p.info().command().map(c -> c.endsWith("/java")).orElse(false);
            if (java && p.info().commandLine().map(c -> c.contains(text)).orElse(false)) out.add(p);
        });
        return out;
    }

    /** Where MiniYARNCluster keeps its NodeManager's directories (relative to the working directory: the project). */
    static final Path LOGS = Path.of("target", "test", "data", "sparksweep-yarn");

    /** The stdout of every container of an application (its driver's output, in cluster mode, is in the AM's). */
    String containerStdout(String applicationId) {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> files = Files.walk(LOGS)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().equals("stdout"))
                    .filter(p -> p.toString().contains(applicationId.replace("application_", "container_")))::iterator) {
                sb.append(Files.readString(f, StandardCharsets.UTF_8));
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            sb.append("(container logs unreadable: ").append(e.getMessage()).append(")");
        }
        return sb.toString();
    }

    /** The tail of every container's stderr and stdout (the NodeManager's log directories), for failure messages. */
    String containerLogs() {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> files = Files.walk(LOGS)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().matches("stderr|stdout"))::iterator) {
                String text = Files.readString(f, StandardCharsets.UTF_8);
                sb.append("==== ").append(f).append('\n').append(text.length() > 6000 ? text.substring(text.length() - 6000) : text).append('\n');
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            sb.append("(container logs unreadable: ").append(e.getMessage()).append(")");
        }
        return sb.toString();
    }

    /** The environment submit-scripts/yarn.sh needs to reach this cluster. */
    Map<String, String> submitEnv() {
        Map<String, String> env = new HashMap<>();
        env.put("HADOOP_CONF_DIR", confDir.toString());
        env.put("SPARK_LOCAL_IP", "127.0.0.1");
        return env;
    }

    @Override
    public void close() {
        List<ProcessHandle> containers = new ArrayList<>(processes("org.apache.spark.deploy.yarn."));
        containers.addAll(processes("org.apache.spark.executor.YarnCoarseGrainedExecutorBackend"));
        try {
            yarn.stop();
        } finally {
            try {
                dfs.shutdown();
            } finally {
                for (ProcessHandle p : containers) if (p.isAlive()) p.destroyForcibly();
            }
        }
    }
}
