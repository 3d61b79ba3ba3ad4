package vn.hoidap.search;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Single-threaded query latency over the committed corpus, with the queries of the quality set (with and
 * without diacritics, abbreviations, Telex, plan scopes), plus a 10,000-character query. SampleTime mode,
 * so JMH prints p50/p90/p99 per benchmark. Run:
 *
 * <pre>
 * mvn -o -q test-compile &amp;&amp; java -cp "target/test-classes:target/classes:$(mvn -o -q \
 *     dependency:build-classpath -Dmdep.outputFile=/dev/stdout)" vn.hoidap.search.SearchBenchmark
 * </pre>
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
@Threads(1)
public class SearchBenchmark {

    /** The searcher and the queries, built once per fork. */
    @State(Scope.Benchmark)
    public static class Corpus {
        LuceneSearcher searcher;
        List<SearchQuery> queries;
        SearchQuery huge;
        int next;

        @Setup(Level.Trial)
        public void build() throws Exception {
            searcher = SearchFixtures.searcher();
            queries = SearchQualityTest.load(SearchQualityTest.SET).stream()
                    .map(c -> new SearchQuery(c.query(), c.scope() == null ? Set.of() : Set.of(c.scope()), Set.of(),
                            10))
                    .toList();
            huge = SearchQuery.of("chuyển đổi số ".repeat(720), 10);
        }

        @TearDown(Level.Trial)
        public void close() throws Exception {
            searcher.close();
        }
    }

    @Benchmark
    public List<SearchHit> qualitySetQuery(Corpus corpus) {
        SearchQuery q = corpus.queries.get(corpus.next++ % corpus.queries.size());
        return corpus.searcher.search(q);
    }

    @Benchmark
    public List<SearchHit> tenThousandCharacterQuery(Corpus corpus) {
        return corpus.searcher.search(corpus.huge);
    }

    /**
     * Runs the JMH benchmarks; with {@code --cpu}, instead measures each query's thread CPU time, which a
     * machine shared with other jobs does not inflate the way it inflates wall-clock percentiles.
     */
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--cpu")) {
            cpuTimes();
            return;
        }
        Options options = new OptionsBuilder().include(SearchBenchmark.class.getName() + ".*").build();
        new Runner(options).run();
    }

    private static void cpuTimes() throws Exception {
        Corpus corpus = new Corpus();
        corpus.build();
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        int warmup = 20_000;
        int measured = 20_000;
        long[] micros = new long[measured];
        for (int i = 0; i < warmup + measured; i++) {
            SearchQuery q = corpus.queries.get(i % corpus.queries.size());
            long start = mx.getCurrentThreadCpuTime();
            corpus.searcher.search(q);
            if (i >= warmup) {
                micros[i - warmup] = (mx.getCurrentThreadCpuTime() - start) / 1000;
            }
        }
        java.util.Arrays.sort(micros);
        System.out.printf("CPU time per query over %d queries: p50 %d µs, p90 %d µs, p99 %d µs, max %d µs%n",
                measured, micros[measured / 2], micros[measured * 9 / 10], micros[measured * 99 / 100],
                micros[measured - 1]);
        corpus.close();
    }
}
