package io.haderos.shipping.adapter.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * JSON mapping of the rates request and response with the REST adapter's own {@link ObjectMapper} and DTOs (which are
 * package-private: hence this benchmark's package). Methods return {@code Object} so that JMH's generated code, in
 * another package, never names a package-private type.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RatesJsonBenchmark {

    private static final byte[] REQUEST = ("{\"origin\":{\"country\":\"SA\",\"city\":\"Riyadh\"},"
                    + "\"destination\":{\"country\":\"AE\",\"city\":\"Dubai\"},\"weight_kg\":1.5}")
            .getBytes(StandardCharsets.UTF_8);

    private final ObjectMapper mapper = ObjectMapperResolver.create();
    private final ObjectReader reader = mapper.readerFor(RateQuoteRequest.class);
    private final ObjectWriter writer = mapper.writerFor(RateQuotationResponse.class);
    private final RateQuotationResponse response = new RateQuotationResponse(
            "aramex",
            false,
            List.of(new RateQuotationResponse.Rate("aramex", "PPX", "145.00", "SAR")),
            List.of(new AttemptResponse("aramex", "success", null)));

    /** Bytes to the request DTO. */
    @Benchmark
    public Object readRequest() throws IOException {
        return reader.readValue(REQUEST);
    }

    /** Bytes to the request DTO, then to the domain's rate request (with its validation). */
    @Benchmark
    public Object readRequestToDomain() throws IOException {
        RateQuoteRequest request = reader.readValue(REQUEST);
        return request.toDomain();
    }

    /** The response DTO to bytes. */
    @Benchmark
    public Object writeResponse() throws IOException {
        return writer.writeValueAsBytes(response);
    }
}
