package org.therapysim.spark;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.spark.SparkConf;
import org.apache.spark.Success$;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.CollectionAccumulator;
import org.therapysim.ExitCode;
import org.therapysim.TherapysimException;
import org.therapysim.engine.Engine;
import org.therapysim.engine.ReplicationTask;
import org.therapysim.experiment.ProgressListener;
import org.therapysim.experiment.ReplicationSummary;
import org.therapysim.model.EpisodeRecord;
import org.therapysim.model.ReplicationResult;
import org.therapysim.model.TherapySim;
import org.therapysim.scenario.Scenario;
import org.therapysim.scenario.Study;

/**
 * Runs a study's tasks as one Spark job: one task (arm, replication, seed) per partition, each
 * simulated on an executor with {@code new TherapySim(scenario, seed, false)} exactly as the local
 * engine does, so the summaries are the same bit for bit. The episode rows are written by the
 * executors as Parquet partitioned by arm; the summaries come back to the driver through an
 * accumulator (a retried task's duplicate is identical and dropped).
 */
final class SparkEngine implements Engine {
    /** The master when none is given and none is set by spark-submit: embedded, all cores. */
    static final String DEFAULT_MASTER = "local[*]";
    /** How Spark reports a job it gave up on because one task kept failing. */
    private static final Pattern TASK_FAILED = Pattern.compile("Job aborted due to stage failure: Task \\S+ in stage \\S+"
            + " failed (\\d+) times?, most recent failure: Lost task \\S+ in stage \\S+ \\(TID \\d+\\)"
            + " \\(([^)]*)\\): (.*)");

    private final SparkSession spark;
    private final boolean owned;

    private SparkEngine(final SparkSession spark, final boolean owned) {
        this.spark = spark;
        this.owned = owned;
    }

    /**
     * Starts (or joins, under spark-submit) a Spark session.
     *
     * @param master the master URL, or null: spark-submit's, else {@value #DEFAULT_MASTER}
     */
    static SparkEngine start(final String master) {
        // spark-submit passes its --master as this system property, and marks its runs with SPARK_SUBMIT.
        final String url = master != null ? master : System.getProperty("spark.master", DEFAULT_MASTER);
        if (url.startsWith("local") || System.getProperty("SPARK_SUBMIT") == null) {
            quietLogging();
        }
        final SparkConf conf = new SparkConf().setMaster(url);
        conf.setIfMissing("spark.app.name", "therapysim");
        // Embedded, Spark is a detail of the run: no web UI.
        if (url.startsWith("local")) {
            conf.setIfMissing("spark.ui.enabled", "false");
        }
        // The episode table has 36 columns; Spark warns when printing plans wider than 25.
        conf.setIfMissing("spark.sql.debug.maxToStringFields", "100");
        shipApplicationJar(conf, url);
        final boolean existing = SparkSession.getActiveSession().isDefined()
                || SparkSession.getDefaultSession().isDefined();
        try {
            final SparkSession session = SparkSession.builder().config(conf).getOrCreate();
            return new SparkEngine(session, !existing);
        } catch (Exception e) {
            // Spark's own SparkException is a checked exception that Scala throws undeclared.
            if (!url.startsWith("local")) {
                throw TherapysimException.invalidInput("--master = " + url + ": Spark did not start; is the master"
                        + " running and reachable? (" + firstLine(e) + ")");
            }
            throw new TherapysimException(ExitCode.RUN_FAILED, "cannot start Spark on " + url + ": " + firstLine(e), e);
        }
    }

    /**
     * Lists the jar this engine runs from in {@code spark.jars}, so that executors in their own JVMs
     * (a cluster, or {@code local-cluster}) load the tasks' classes from it; the jar holds the model
     * and its dependencies. Nothing is added for an embedded master (the tasks run in this JVM), nor
     * when a jar of the same name is listed already (spark-submit lists its application jar), nor
     * when the classes are not in a jar (then {@code spark.jars} or the executors' class path must
     * provide them).
     */
    static void shipApplicationJar(final SparkConf conf, final String url) {
        if (url.equals("local") || url.startsWith("local[")) {
            return;
        }
        final Path jar = applicationJar();
        if (jar == null) {
            return;
        }
        final String listed = conf.get("spark.jars", "").strip();
        final String name = jar.getFileName().toString();
        for (final String entry : listed.split(",")) {
            final String path = entry.strip();
            if (path.equals(name) || path.endsWith("/" + name)) {
                return;
            }
        }
        conf.set("spark.jars", listed.isEmpty() ? jar.toString() : listed + "," + jar);
    }

    /** @return the jar file this class was loaded from, or null when it was not loaded from a jar */
    static Path applicationJar() {
        try {
            final var source = SparkEngine.class.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null) {
                return null;
            }
            final Path path = Path.of(source.getLocation().toURI()).toAbsolutePath();
            return Files.isRegularFile(path) && path.getFileName().toString().endsWith(".jar") ? path : null;
        } catch (URISyntaxException | IllegalArgumentException | FileSystemNotFoundException | SecurityException e) {
            return null;
        }
    }

    /**
     * Gives Spark the project's logging settings (warnings only) when it is embedded or driven from
     * the therapysim command, unless the user chose their own; under spark-submit on a cluster,
     * Spark's own logging stays.
     */
    private static void quietLogging() {
        if (System.getProperty("log4j2.configurationFile") != null || System.getProperty("log4j.configurationFile") != null) {
            return;
        }
        final URL settings = SparkEngine.class.getResource("log4j2-embedded.properties");
        if (settings != null) {
            try {
                Configurator.reconfigure(settings.toURI());
            } catch (URISyntaxException e) {
                // Spark's own default logging is used instead.
            }
        }
    }

    @Override
    public List<ReplicationSummary> run(final Study study, final List<ReplicationTask> tasks, final Path episodes,
            final ProgressListener progress) {
        final List<String> arms = ArmScenarios.encode(study.arms());
        final List<String> names = study.arms().stream().map(Scenario::name).toList();
        final JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        final CollectionAccumulator<ReplicationSummary> summaries = spark.sparkContext()
                .collectionAccumulator("therapysim replication summaries");
        final Progress listener = new Progress(tasks.size(), progress);
        try {
            spark.sparkContext().addSparkListener(listener);
            // One task per partition: a replication is coarse work (seconds to hours), and a retried
            // or speculative task then repeats exactly one replication.
            final JavaRDD<ReplicationTask> work = context.parallelize(tasks, Math.max(1, tasks.size()));
            // The arms travel once to each executor, not with every task: a sensitivity analysis has thousands.
            final Broadcast<List<String>> shipped = context.broadcast(arms);
            final JavaRDD<Row> rows = work.mapPartitions(new Simulate(shipped, names, summaries, episodes != null));
            spark.sparkContext().setJobDescription("therapysim: " + study.name() + " (" + tasks.size() + " tasks)");
            if (episodes != null) {
                spark.createDataFrame(rows, EpisodeRows.SCHEMA).write().partitionBy("arm")
                        .parquet(episodes.toAbsolutePath().toUri().toString());
                removeChecksums(episodes);
            } else {
                rows.foreach(row -> { });
            }
            // Blocking: a removal still awaiting the executors' replies when the context stops has
            // them rejected by Spark's stopped thread pool, each printing a stack trace.
            shipped.unpersist(true);
        } catch (TherapysimException e) {
            throw e;
        } catch (Exception e) {
            // Spark's own SparkException is a checked exception that Scala throws undeclared.
            if (spark.sparkContext().isStopped() && listener.done() == 0) {
                // Typically a standalone master that never answered: Spark gives up and stops.
                throw TherapysimException.invalidInput("--master = " + spark.sparkContext().master()
                        + ": Spark stopped before any task ran; is the master running and reachable? ("
                        + firstLine(e) + ")");
            }
            throw new TherapysimException(ExitCode.RUN_FAILED, "the Spark job failed: " + jobFailure(e), e);
        } finally {
            if (!spark.sparkContext().isStopped()) {
                spark.sparkContext().removeSparkListener(listener);
            }
        }
        return inTaskOrder(tasks, summaries.value());
    }

    /**
     * Deletes the {@code .crc} files Hadoop's local file system writes beside each file: they are not
     * part of the table (readers do not need them) and would clutter the folder and its manifest.
     */
    private static void removeChecksums(final Path table) {
        if (!Files.isDirectory(table)) {
            return;
        }
        try (Stream<Path> files = Files.walk(table)) {
            for (final Path file : files.filter(f -> f.getFileName().toString().endsWith(".crc")).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw TherapysimException.output("cannot tidy " + table + ": " + e.getMessage(), e);
        }
    }

    /** @return one summary per task, in the tasks' order; a task run twice (retried) counts once */
    private static List<ReplicationSummary> inTaskOrder(final List<ReplicationTask> tasks,
            final List<ReplicationSummary> received) {
        final Map<Long, ReplicationSummary> byTask = new HashMap<>();
        for (final ReplicationSummary s : received) {
            byTask.putIfAbsent(key(s.arm(), s.replication()), s);
        }
        final List<ReplicationSummary> ordered = new ArrayList<>();
        for (final ReplicationTask t : tasks) {
            final ReplicationSummary s = byTask.get(key(t.arm(), t.replication()));
            if (s == null) {
                throw new TherapysimException(ExitCode.RUN_FAILED, "Spark returned no result for arm " + t.arm()
                        + ", replication " + t.replication());
            }
            ordered.add(s);
        }
        return ordered;
    }

    private static long key(final int arm, final int replication) {
        return ((long) arm << 32) | (replication & 0xffffffffL);
    }

    private static String firstLine(final Throwable e) {
        final Throwable root = rootCause(e);
        return root.getClass().getSimpleName() + ": " + firstLine(String.valueOf(root.getMessage()));
    }

    private static String firstLine(final String message) {
        final int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).strip();
    }

    private static Throwable rootCause(final Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    /**
     * @return why a job failed, on one line: when a task kept failing, how often and where, and the
     *     executor's error (Spark's message goes on with the executor's stack trace, which --verbose shows)
     */
    static String jobFailure(final Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            final Matcher failed = TASK_FAILED.matcher(firstLine(String.valueOf(t.getMessage())));
            if (failed.find()) {
                final String times = failed.group(1);
                final String last = "a task failed " + times + (times.equals("1") ? " time" : " times") + ", last on "
                        + failed.group(2) + ": " + failed.group(3);
                // The executor's error, when Spark could bring it back, ends in its root cause.
                final Throwable root = rootCause(t);
                final String cause = firstLine(String.valueOf(root.getMessage()));
                return root == t || last.contains(cause) ? last
                        : last + " (caused by " + root.getClass().getName() + ": " + cause + ")";
            }
        }
        return firstLine(e);
    }

    @Override
    public void close() {
        if (owned) {
            spark.stop();
        }
    }

    /** Simulates a partition's tasks on an executor; emits their episode rows, adds their summaries. */
    private static final class Simulate implements FlatMapFunction<Iterator<ReplicationTask>, Row> {
        private static final long serialVersionUID = 1L;
        private final Broadcast<List<String>> arms;
        private final List<String> names;
        private final CollectionAccumulator<ReplicationSummary> summaries;
        private final boolean rows;

        Simulate(final Broadcast<List<String>> arms, final List<String> names,
                final CollectionAccumulator<ReplicationSummary> summaries, final boolean rows) {
            this.arms = arms;
            this.names = List.copyOf(names);
            this.summaries = summaries;
            this.rows = rows;
        }

        @Override
        public Iterator<Row> call(final Iterator<ReplicationTask> tasks) {
            final List<Row> out = new ArrayList<>();
            final Map<Integer, Scenario> bound = new HashMap<>();
            while (tasks.hasNext()) {
                final ReplicationTask task = tasks.next();
                final Scenario scenario = bound.computeIfAbsent(task.arm(), a -> ArmScenarios.decode(arms.value().get(a)));
                final ReplicationResult result = new TherapySim(scenario, task.seed(), false).run();
                summaries.add(ReplicationSummary.of(task.arm(), task.replication(), result));
                if (rows) {
                    for (final EpisodeRecord e : result.episodes()) {
                        out.add(EpisodeRows.of(names.get(task.arm()), task.replication(), e));
                    }
                }
            }
            return out.iterator();
        }
    }

    /** Tells the progress listener as Spark tasks succeed (on Spark's listener thread). */
    private static final class Progress extends SparkListener {
        private final int total;
        private final ProgressListener progress;
        private final AtomicInteger done = new AtomicInteger();

        Progress(final int total, final ProgressListener progress) {
            this.total = total;
            this.progress = progress;
        }

        int done() {
            return done.get();
        }

        @Override
        public void onTaskEnd(final SparkListenerTaskEnd end) {
            if (end.reason() == Success$.MODULE$) {
                final int n = done.incrementAndGet();
                synchronized (this) {
                    progress.progress(Math.min(n, total), total);
                }
            }
        }
    }
}
