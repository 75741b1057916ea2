package io.crimecast.model;

/**
 * How a network sees counts: relative to each cell's trailing level, so a network only has to learn departures
 * from the recent mean (a naive z-scored LSTM loses to the 28-day mean because crime volume drifts).
 */
public enum Normalisation {
    /** count / (level + 1): the ratio to the recent level; +1 keeps quiet cells finite. */
    TRAILING_RATIO {
        @Override
        public double encode(double count, double level) {
            return count / (level + 1);
        }

        @Override
        public double decode(double value, double level) {
            return value * (level + 1);
        }
    },
    /** (count - level) / sqrt(level + 1): the Poisson-scaled residual, so busy and quiet cells weigh alike. */
    TRAILING_RESIDUAL {
        @Override
        public double encode(double count, double level) {
            return (count - level) / Math.sqrt(level + 1);
        }

        @Override
        public double decode(double value, double level) {
            return level + value * Math.sqrt(level + 1);
        }
    };

    public abstract double encode(double count, double level);

    public abstract double decode(double value, double level);
}
