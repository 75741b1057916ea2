package io.crimecast.stream;

import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;

import java.util.Map;

/** A processor threw on a record: reject the record as {@code internal-error} and carry on (see {@link DeadLetters}). */
public final class RejectOnProcessingError implements ProcessingExceptionHandler {
    private DeadLetters deadLetters;

    @Override
    public void configure(Map<String, ?> configs) {
        deadLetters = DeadLetters.from(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        return Response.resume(deadLetters.reject(context.topic(), context.sourceRawValue(), exception));
    }
}
