package io.crimecast.eval;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MovingBlockBootstrapTest {

    @Test
    void aConstantDifferenceHasNoUncertainty() {
        double[] days = new double[30];
        Arrays.fill(days, -0.5);
        MovingBlockBootstrap.Interval i = MovingBlockBootstrap.WEEKLY.meanInterval(days);
        assertThat(i.mean()).isEqualTo(-0.5);
        assertThat(i.low()).isEqualTo(-0.5);
        assertThat(i.high()).isEqualTo(-0.5);
    }

    @Test
    void aBlockAsLongAsTheSeriesAlwaysRedrawsTheSeries() {
        // one possible block start: every resample is the series itself, so the interval is its mean
        MovingBlockBootstrap.Interval i = new MovingBlockBootstrap(7, 1000, 1).meanInterval(new double[]{1, 2, 3, 4, 5, 6, 7});
        assertThat(i.mean()).isEqualTo(4.0);
        assertThat(i.low()).isEqualTo(4.0);
        assertThat(i.high()).isEqualTo(4.0);
    }

    @Test
    void singleDayBlocksOfTwoDaysSpanBothExtremes() {
        // days 0 and 1 drawn independently: resample means 0, 0.5, 1 with chances 1/4, 1/2, 1/4, so with 1000
        // resamples both tails hold far more than 2.5%: the interval is [0, 1]
        MovingBlockBootstrap.Interval i = new MovingBlockBootstrap(1, 1000, 7).meanInterval(new double[]{0, 1});
        assertThat(i.mean()).isEqualTo(0.5);
        assertThat(i.low()).isEqualTo(0.0);
        assertThat(i.high()).isEqualTo(1.0);
    }

    @Test
    void sameSeedSameInterval() {
        double[] days = {3, -1, 4, -1, 5, -9, 2, 6, -5, 3, 5, -8, 9, 7};
        assertThat(MovingBlockBootstrap.WEEKLY.meanInterval(days)).isEqualTo(MovingBlockBootstrap.WEEKLY.meanInterval(days));
        MovingBlockBootstrap.Interval i = MovingBlockBootstrap.WEEKLY.meanInterval(days);
        assertThat(i.low()).isLessThan(i.mean());
        assertThat(i.high()).isGreaterThan(i.mean());
    }

    @Test
    void refusesAnEmptySeries() {
        assertThatThrownBy(() -> MovingBlockBootstrap.WEEKLY.meanInterval(new double[0])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aWeekOfLongerStepsIsFewerStepsButAlwaysOne() {
        assertThat(MovingBlockBootstrap.WEEKLY.forStepsOf(1).blockDays()).isEqualTo(7);
        assertThat(MovingBlockBootstrap.WEEKLY.forStepsOf(3).blockDays()).isEqualTo(3);
        assertThat(MovingBlockBootstrap.WEEKLY.forStepsOf(30).blockDays()).isEqualTo(1);
        assertThat(MovingBlockBootstrap.WEEKLY.forStepsOf(30).resamples()).isEqualTo(1000);
    }
}
