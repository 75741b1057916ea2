package io.crimecast.model;

import java.util.Locale;

/** The networks CrimeCast trains; the CLI name is used in flags, bundle keys and metadata. */
public enum ModelKind {
    LSTM("lstm", true),
    GRU("gru", true),
    RNN("rnn", true),
    CNN_LSTM("cnn-lstm", true),
    SPATIO_LSTM("spatio-lstm", false);

    private final String cliName;
    private final boolean countModel;

    ModelKind(String cliName, boolean countModel) {
        this.cliName = cliName;
        this.countModel = countModel;
    }

    public String cliName() {
        return cliName;
    }

    /** True for whole-grid count forecasters, false for the hotspot classifier. */
    public boolean countModel() {
        return countModel;
    }

    public static ModelKind fromCli(String name) {
        for (ModelKind k : values()) {
            if (k.cliName.equals(name.toLowerCase(Locale.ROOT))) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown model '" + name + "': use lstm, gru, rnn, cnn-lstm or spatio-lstm");
    }
}
