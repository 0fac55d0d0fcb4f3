package dev.runline.bench.endtoend;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The processor's consumer lag, sampled once a second from outside (the broker's end offsets minus the
 * group's committed offsets, summed over the partitions), as an operator's lag monitor sees it.
 */
public final class ConsumerLag implements AutoCloseable {

    /** One sample: seconds since sampling started, and the lag in records (runs). */
    public record Sample(double seconds, long lag) {}

    /**
     * @param slopePerSecond least-squares growth of the lag over the window, runs per second
     * @param grows          whether it grows by more than 1% of the arrival rate: a processor that keeps up has a
     *                       lag that goes up and down with its batches but has no trend
     */
    public record Summary(long maxLag, double meanLag, double slopePerSecond, boolean grows, List<Sample> samples) {}

    private final Admin admin;
    private final String group;
    private final List<TopicPartition> partitions;
    private final List<Sample> samples = new ArrayList<>();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
    private final long started = System.nanoTime();

    ConsumerLag(String bootstrapServers, String topic, int partitions, String group) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        this.group = group;
        this.partitions = java.util.stream.IntStream.range(0, partitions).mapToObj(p -> new TopicPartition(topic, p)).toList();
        sampler.scheduleAtFixedRate(this::sample, 0, 1, TimeUnit.SECONDS);
    }

    private void sample() {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(
                    partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()))).all().get(5, TimeUnit.SECONDS);
            long lag = 0;
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata offset = committed.get(partition);
                lag += ends.get(partition).offset() - (offset == null ? 0 : offset.offset());
            }
            synchronized (samples) {
                samples.add(new Sample((System.nanoTime() - started) / 1e9, lag));
            }
        } catch (Exception e) {
            // A missed sample is a gap in the series, not a reason to stop the benchmark.
        }
    }

    /** The samples taken between {@code fromSeconds} and {@code toSeconds} after sampling started. */
    Summary summary(double fromSeconds, double toSeconds, double arrivalRate) {
        List<Sample> window;
        synchronized (samples) {
            window = samples.stream().filter(s -> s.seconds() >= fromSeconds && s.seconds() <= toSeconds).toList();
        }
        if (window.isEmpty()) {
            return new Summary(0, 0, 0, false, window);
        }
        double meanT = window.stream().mapToDouble(Sample::seconds).average().orElse(0);
        double meanLag = window.stream().mapToLong(Sample::lag).average().orElse(0);
        double covariance = window.stream().mapToDouble(s -> (s.seconds() - meanT) * (s.lag() - meanLag)).sum();
        double variance = window.stream().mapToDouble(s -> (s.seconds() - meanT) * (s.seconds() - meanT)).sum();
        double slope = variance == 0 ? 0 : covariance / variance;
        long max = window.stream().mapToLong(Sample::lag).max().orElse(0);
        return new Summary(max, Math.round(meanLag * 10) / 10.0, Math.round(slope * 100) / 100.0,
                slope > 0.01 * arrivalRate, window);
    }

    /** The newest sample's lag, or -1 before the first sample. */
    long latest() {
        synchronized (samples) {
            return samples.isEmpty() ? -1 : samples.getLast().lag();
        }
    }

    double secondsSinceStart() {
        return (System.nanoTime() - started) / 1e9;
    }

    @Override
    public void close() throws InterruptedException {
        sampler.shutdownNow();
        sampler.awaitTermination(10, TimeUnit.SECONDS);
        admin.close();
    }
}
