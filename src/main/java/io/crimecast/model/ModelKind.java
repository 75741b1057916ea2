package io.crimecast.model;

import java.util.Locale;

/** The networks CrimeCast trains; the CLI name is used in flags, bundle keys and metadata. */
public enum ModelKind {
    LSTM("lstm", Role.COUNTS),
    GRU("gru", Role.COUNTS),
    RNN("rnn", Role.COUNTS),
    CNN_LSTM("cnn-lstm", Role.COUNTS),
    SPATIO_LSTM("spatio-lstm", Role.HOTSPOTS),
    CELL_MLP("cell-mlp", Role.PERIODS);

    /** What a kind serves: the next day's counts, the next day's hotspot probabilities, or the longer periods' counts. */
    public enum Role { COUNTS, HOTSPOTS, PERIODS }

    private final String cliName;
    private final Role role;

    ModelKind(String cliName, Role role) {
        this.cliName = cliName;
        this.role = role;
    }

    public Role role() {
        return role;
    }

    public String cliName() {
        return cliName;
    }

    /** True for whole-grid count forecasters of the next day. */
    public boolean countModel() {
        return role == Role.COUNTS;
    }

    public static ModelKind fromCli(String name) {
        for (ModelKind k : values()) {
            if (k.cliName.equals(name.toLowerCase(Locale.ROOT))) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown model '" + name + "': use lstm, gru, rnn, cnn-lstm, spatio-lstm or cell-mlp");
    }
}
