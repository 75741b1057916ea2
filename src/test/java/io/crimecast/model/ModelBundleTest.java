package io.crimecast.model;

import io.crimecast.grid.Grid;
import io.crimecast.grid.Regions;
import io.crimecast.train.TrainSettings;
import io.crimecast.train.Trainer;
import io.crimecast.train.TrainingResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.EnumMap;
import java.util.Map;

import static io.crimecast.train.TestMatrices.GRID;
import static io.crimecast.train.TestMatrices.START;
import static io.crimecast.train.TestMatrices.matrix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelBundleTest {
    static final byte[] KEY = "secret-key".getBytes(StandardCharsets.UTF_8);
    static final Map<ModelKind, ModelBundle> BUNDLES = new EnumMap<>(ModelKind.class);
    static final Map<ModelKind, Forecast> ORIGINAL = new EnumMap<>(ModelKind.class);
    static final DayHistory HISTORY = new DayHistory(START.plusDays(99), matrix(100).counts());

    @BeforeAll
    static void trainTinyNetworks() {
        TrainSettings tiny = TrainSettings.defaults().withHidden(8).withEpochs(1, 1);
        for (ModelKind kind : ModelKind.values()) {
            if (kind.countModel()) {
                TrainingResult result = Trainer.train(kind, matrix(100), tiny, p -> { });
                BUNDLES.put(kind, result.toBundle(GRID, "all"));
                ORIGINAL.put(kind, result.forecaster().forecast(GRID, HISTORY));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = ModelKind.class, names = {"LSTM", "GRU", "RNN", "CNN_LSTM"})
    void roundTripGivesIdenticalForecasts(ModelKind kind) {
        byte[] bytes = BUNDLES.get(kind).toBytes(KEY);
        assertThat(bytes.length).isLessThan(8 << 20);

        ModelBundle read = ModelBundle.read(bytes, KEY);
        Forecaster forecaster = read.toForecaster(GRID);
        Forecast again = forecaster.forecast(GRID, HISTORY);

        Forecast original = ORIGINAL.get(kind);
        assertThat(again.expected()).containsExactly(original.expected());
        assertThat(again.bin()).containsExactly(original.bin());
        assertThat(again.hotspot()).containsExactly(original.hotspot());
        assertThat(again.date()).isEqualTo(START.plusDays(100));
        assertThat(forecaster.version()).isEqualTo(original.modelVersion()).startsWith(kind.cliName() + "-philadelphia-");
        assertThat(forecaster.historyDays()).isEqualTo(28);
        assertThat(read.metadata().holdOut()).hasSize(2);
        assertThat(read.metadata().grid()).isEqualTo(GridKey.of(GRID));
    }

    @Test
    void forecastIsSaneForAShortHistory() {
        Forecaster forecaster = ModelBundle.read(BUNDLES.get(ModelKind.LSTM).toBytes(), null).toForecaster(GRID);
        Forecast f = forecaster.forecast(GRID, new DayHistory(START.plusDays(4), java.util.Arrays.copyOf(matrix(5).counts(), 5)));
        assertThat(f.expected()).hasSize(GRID.cellCount());
        assertThat(java.util.Arrays.stream(f.expected()).allMatch(v -> v >= 0 && Double.isFinite(v))).isTrue();
        assertThat(java.util.Arrays.stream(f.hotspotProbability()).allMatch(p -> p >= 0 && p <= 1)).isTrue();
    }

    @Test
    void tamperedBytesAreRefused() {
        byte[] bytes = BUNDLES.get(ModelKind.LSTM).toBytes(KEY);
        bytes[bytes.length / 2] ^= 1;
        assertReason(() -> ModelBundle.read(bytes, KEY), BundleException.Reason.CHECKSUM);
        assertReason(() -> ModelBundle.read(bytes, null), BundleException.Reason.CHECKSUM);
    }

    @Test
    void truncatedOrForeignBytesAreCorrupt() {
        byte[] bytes = BUNDLES.get(ModelKind.LSTM).toBytes();
        assertReason(() -> ModelBundle.read(java.util.Arrays.copyOf(bytes, 100), null), BundleException.Reason.CORRUPT);
        assertReason(() -> ModelBundle.read("PK\3\4 a zip file".getBytes(StandardCharsets.US_ASCII), null), BundleException.Reason.CORRUPT);
    }

    @Test
    void wrongSignatureAndMissingSignatureAreRefused() {
        ModelBundle bundle = BUNDLES.get(ModelKind.GRU);
        assertReason(() -> ModelBundle.read(bundle.toBytes(KEY), "other-key".getBytes(StandardCharsets.UTF_8)), BundleException.Reason.SIGNATURE);
        assertReason(() -> ModelBundle.read(bundle.toBytes(), KEY), BundleException.Reason.UNSIGNED);
        assertThat(ModelBundle.read(bundle.toBytes(KEY), null).metadata().kind()).isEqualTo(ModelKind.GRU);
    }

    @Test
    void anotherGridIsRefused() {
        Grid portland = new Grid(Regions.load("portland"));
        ModelBundle bundle = ModelBundle.read(BUNDLES.get(ModelKind.RNN).toBytes(), null);
        assertReason(() -> bundle.toForecaster(portland), BundleException.Reason.GRID_MISMATCH);
    }

    @Test
    void weightsThatWontLoadAreReported() {
        ModelBundle broken = new ModelBundle(BUNDLES.get(ModelKind.LSTM).metadata(), "not a model".getBytes(StandardCharsets.UTF_8));
        ModelBundle read = ModelBundle.read(broken.toBytes(), null);
        assertReason(() -> read.toForecaster(GRID), BundleException.Reason.LOAD_FAILED);
    }

    @Test
    void unknownKindIsUnsupported() throws Exception {
        byte[] bytes = BUNDLES.get(ModelKind.RNN).toBytes();
        String text = new String(bytes, StandardCharsets.ISO_8859_1).replace("\"kind\":\"RNN\"", "\"kind\":\"RNX\"");
        byte[] edited = text.getBytes(StandardCharsets.ISO_8859_1);
        int bodyLength = edited.length - 33; // unsigned: checksum + flag follow the body
        byte[] checksum = MessageDigest.getInstance("SHA-256").digest(java.util.Arrays.copyOf(edited, bodyLength));
        System.arraycopy(checksum, 0, edited, bodyLength, 32);
        assertReason(() -> ModelBundle.read(edited, null), BundleException.Reason.UNSUPPORTED_KIND);
    }

    private static void assertReason(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, BundleException.Reason reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(BundleException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
