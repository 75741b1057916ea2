package io.crimecast.stream;

import io.crimecast.incident.Rejection;
import io.crimecast.incident.Validation;
import io.crimecast.ops.CrimecastMetrics;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Validates raw incident bytes: accepted incidents are keyed by region (so one task owns a region's grid),
 * rejected ones keep their original bytes and gain reason headers. A check that throws rejects the record as
 * {@code internal-error} instead of failing the stream: one record must never stop the app.
 */
final class ValidationProcessor implements Processor<byte[], byte[], String, Validation> {
    /** The check itself: {@code IncidentValidator::validate} in the topology. */
    @FunctionalInterface
    interface Check {
        Validation validate(byte[] value, long nowMillis);
    }

    private final Check check;
    private final CrimecastMetrics metrics;
    private ProcessorContext<String, Validation> context;

    ValidationProcessor(Check check, CrimecastMetrics metrics) {
        this.check = check;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, Validation> context) {
        this.context = context;
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        Rejections.capProducerHeaders(record.headers());
        Validation result;
        try {
            result = check.validate(record.value(), context.currentSystemTimeMs());
        } catch (RuntimeException e) {
            result = new Validation.Rejected(Rejection.internalError(null, record.value(), Rejection.Stage.VALIDATE, e));
        }
        if (result instanceof Validation.Accepted a) {
            context.forward(record.withKey(a.incident().region()).withValue(result));
        } else if (result instanceof Validation.Rejected r) {
            metrics.rejected(r.rejection());
            Rejections.describe(record.headers(), r.rejection());
            context.forward(record.withKey(r.rejection().incidentId()).withValue(result));
        }
    }
}
