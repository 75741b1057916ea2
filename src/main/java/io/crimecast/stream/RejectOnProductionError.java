package io.crimecast.stream;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;

import java.util.List;
import java.util.Map;

/**
 * An output record could not be serialized or sent: reject the incident that led to it as {@code internal-error}
 * and carry on (see {@link DeadLetters}). Transient broker errors are retried; a rejection that cannot be written is
 * not rejected again.
 */
public final class RejectOnProductionError implements ProductionExceptionHandler {
    private DeadLetters deadLetters;

    @Override
    public void configure(Map<String, ?> configs) {
        deadLetters = DeadLetters.from(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record, Exception exception) {
        if (exception instanceof RetriableException) {
            return Response.retry();
        }
        if (deadLetters.rejectedTopic().equals(record.topic())) {
            return Response.resume(List.of());
        }
        return Response.resume(deadLetters.reject(context.topic(), context.sourceRawValue(), exception));
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Response handleSerializationError(ErrorHandlerContext context, ProducerRecord record, Exception exception,
                                             SerializationExceptionOrigin origin) {
        return Response.resume(deadLetters.reject(context.topic(), context.sourceRawValue(), exception));
    }
}
