package io.crimecast.stream;

import io.crimecast.incident.IncidentValidator;
import io.crimecast.incident.Validation;
import io.crimecast.ops.CrimecastMetrics;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Validates raw incident bytes: accepted incidents are keyed by region (so one task owns a region's grid),
 * rejected ones keep their original bytes and gain reason headers.
 */
final class ValidationProcessor implements Processor<byte[], byte[], String, Validation> {
    private final IncidentValidator validator;
    private final CrimecastMetrics metrics;
    private ProcessorContext<String, Validation> context;

    ValidationProcessor(IncidentValidator validator, CrimecastMetrics metrics) {
        this.validator = validator;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, Validation> context) {
        this.context = context;
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        Validation result = validator.validate(record.value(), context.currentSystemTimeMs());
        if (result instanceof Validation.Accepted a) {
            context.forward(record.withKey(a.incident().region()).withValue(result));
        } else if (result instanceof Validation.Rejected r) {
            metrics.rejected(r.rejection());
            Rejections.describe(record.headers(), r.rejection());
            context.forward(record.withKey(r.rejection().incidentId()).withValue(result));
        }
    }
}
