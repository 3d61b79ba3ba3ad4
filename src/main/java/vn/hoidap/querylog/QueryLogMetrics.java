package vn.hoidap.querylog;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;

/**
 * The query log at {@code /prometheus}: queue depth, entries held in memory, spill size and whether the
 * spill directory can be written, and the counters an operator alerts on (write failures, lost entries).
 */
@Context
class QueryLogMetrics {

    QueryLogMetrics(MeterRegistry registry, QueryLogWriter writer) {
        Gauge.builder("hoidap.querylog.queue.depth", writer, QueryLogWriter::queueDepth)
                .description("Questions waiting in the query log's memory queue").register(registry);
        Gauge.builder("hoidap.querylog.held", writer, QueryLogWriter::heldCount)
                .description("Entries held in memory because neither the database nor the spill directory takes them")
                .register(registry);
        Gauge.builder("hoidap.querylog.spill.bytes", writer, QueryLogWriter::spillBytes)
                .description("Bytes waiting in spill files").baseUnit("bytes").register(registry);
        Gauge.builder("hoidap.querylog.spill.writable", writer, w -> w.spillWritable() ? 1 : 0)
                .description("1 when the spill directory can be written").register(registry);
        FunctionCounter.builder("hoidap.querylog.written", writer, QueryLogWriter::writtenCount)
                .description("Entries stored in the database").register(registry);
        FunctionCounter.builder("hoidap.querylog.spilled", writer, QueryLogWriter::spilledCount)
                .description("Entries written to the spill file").register(registry);
        FunctionCounter.builder("hoidap.querylog.write.failures", writer, QueryLogWriter::writeFailureCount)
                .description("Batches the database did not take").register(registry);
        FunctionCounter.builder("hoidap.querylog.lost", writer, QueryLogWriter::lostCount)
                .description("Entries that could be kept nowhere (database and spill directory unavailable)")
                .register(registry);
    }
}
