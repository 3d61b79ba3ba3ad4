package vn.hoidap.corpus;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Corpus build time (not a test; surefire skips *Benchmark): builds the knowledge of a corpus folder as
 * start-up does ({@link KnowledgeFactory#build}) several times in one JVM and prints, per run, wall time,
 * process CPU time and the load average, then the first (cold, as at start-up) and the best warm run. CPU
 * time is printed because on a shared machine the wall time mostly measures the other processes. Run:
 * <pre>
 * mvn -o -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
 * java -cp target/test-classes:target/classes:$(cat target/test-classpath.txt) vn.hoidap.corpus.CorpusBuildBenchmark corpus 6
 * </pre>
 * A third argument names a derived-data folder: the first run fills it, the others read it (a restart).
 */
public final class CorpusBuildBenchmark {

    private CorpusBuildBenchmark() {
    }

    public static void main(String[] args) {
        Path corpus = Path.of(args.length > 0 ? args[0] : "corpus");
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 6;
        String cacheDir = args.length > 2 ? args[2] : null;
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        List<Long> warmWall = new ArrayList<>();
        List<Long> warmCpu = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long cpu0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            CommittedCorpus c = KnowledgeFactory.load(corpus, DerivedCache.at(cacheDir, corpus));
            Knowledge k = new Knowledge(c.plans(), c.faqs(), c.agencies(), c.provinces(), c.buildMillis(), c.reports());
            long wall = (System.nanoTime() - t0) / 1_000_000;
            long cpu = (os.getProcessCpuTime() - cpu0) / 1_000_000;
            System.out.printf("run %d: %d plans, wall %d ms, process CPU %d ms, load average %.2f%n", i,
                    k.plans().size(), wall, cpu, os.getSystemLoadAverage());
            if (i == 0) {
                System.out.printf("cold (start-up): wall %d ms, CPU %d ms%n", wall, cpu);
            } else {
                warmWall.add(wall);
                warmCpu.add(cpu);
            }
        }
        if (!warmWall.isEmpty()) {
            System.out.printf("best warm: wall %d ms, CPU %d ms (of %d runs, %d cores)%n", Collections.min(warmWall),
                    Collections.min(warmCpu), warmWall.size(), Runtime.getRuntime().availableProcessors());
        }
    }
}
