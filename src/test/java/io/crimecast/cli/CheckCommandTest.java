package io.crimecast.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** `check` on the mistakes a new city makes, through the real command line and without a broker. */
class CheckCommandTest {
    @TempDir
    Path dir;

    /** US dates (month first), March 2024, in Philadelphia; one row at 0/0. */
    private Path usExport() throws Exception {
        StringBuilder csv = new StringBuilder("Incident Number,Occurred,Longitude,Latitude\n");
        for (int day = 1; day <= 20; day++) {
            csv.append("I-%d,03/%02d/2024 10:30,-75.16,39.95\n".formatted(day, day));
        }
        csv.append("I-0,03/21/2024 10:30,0,0\n");
        Path file = dir.resolve("export.csv");
        Files.writeString(file, csv);
        return file;
    }

    private static String[] args(Path region, Path file, String... extra) {
        List<String> args = new ArrayList<>(List.of("check", "--region", region.toString(), "--format", "csv", "--id-col", "Incident Number",
                "--time-col", "Occurred", "--x-col", "Longitude", "--y-col", "Latitude"));
        args.addAll(List.of(extra));
        args.add(file.toString());
        return args.toArray(String[]::new);
    }

    @Test
    void printsTheGridRowsSkipsWithSamplesAndTheTimeRange() throws Exception {
        Path file = usExport();
        CliRun run = CliRun.of(args(Path.of("philadelphia"), file, "--time-pattern", "MM/dd/yyyy HH:mm"));
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("grid philadelphia: 7 x 6 cells of 5000 m (EPSG:4326): 42 cells of 25.00 km2;"
                        + " box in lon/lat {minX: -75.2803, minY: 39.867, maxX: -74.9557, maxY: 40.1379}")
                .contains("rows: 21 read from 1 file(s); 20 usable, 20 of them inside the box (95% of the rows)")
                .contains("  zero-coordinates: 1 row(s)").contains("    " + file + " row 21: '0, 0'")
                .contains("times: 2024-03-01T10:30 .. 2024-03-20T10:30 (America/New_York)")
                .doesNotContain("warning");
    }

    @Test
    void warnsWhenDayAndMonthLookSwapped() throws Exception {
        CliRun run = CliRun.of(args(Path.of("philadelphia"), usExport(), "--time-pattern", "dd/MM/yyyy HH:mm"));
        // 03/01..03/12 parse as 3 January..3 December: 12 of 21 rows still usable
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("  bad-time: 8 row(s)")
                .contains("warning: day and month look swapped: times such as '03/13/2024 10:30' fail with --time-pattern"
                        + " 'dd/MM/yyyy HH:mm' but parse with 'MM/dd/yyyy HH:mm'");
    }

    @Test
    void warnsWhenEveryDayIsTwelveOrLess() throws Exception {
        StringBuilder csv = new StringBuilder("Incident Number,Occurred,Longitude,Latitude\n");
        for (int month = 1; month <= 12; month++) {
            csv.append("I-%d,03/%02d/2024 10:30,-75.16,39.95\n".formatted(month, month));
        }
        Path file = dir.resolve("swapped.csv");
        Files.writeString(file, csv);
        CliRun run = CliRun.of(args(Path.of("philadelphia"), file, "--time-pattern", "dd/MM/yyyy HH:mm"));
        assertThat(run.out()).contains("warning: every date has a day of the month of 12 or less: day and month may be swapped");
    }

    @Test
    void failsWhenMostTimesDoNotParse() throws Exception {
        CliRun run = CliRun.of(args(Path.of("philadelphia"), usExport()));
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("  bad-time: 20 row(s)").contains("row 1: '03/01/2024 10:30'")
                .contains("warning: most times fail to parse (20 of 21 rows) with ISO-8601 (no --time-pattern given)")
                .contains("most rows cannot be used: 0 of 21 are usable and inside the box");
    }

    @Test
    void lonLatInAProjectedRegionIsNamedAndCoordsLonLatReadsIt() throws Exception {
        Path file = dir.resolve("portland.csv");
        Files.writeString(file, "Incident Number,Occurred,Longitude,Latitude\nP-1,2024-03-01T10:00,-122.6793,45.5189\n"
                + "P-2,2024-03-02T10:00,-122.65,45.53\nP-3,2024-03-02T11:00,-123.9,45.53\n");
        CliRun asCrs = CliRun.of(args(Path.of("portland"), file));
        assertThat(asCrs.exit()).isEqualTo(1);
        assertThat(asCrs.out()).contains("  lonlat-in-projected-region: 3 row(s) (if these columns are longitude and latitude, give --coords lonlat)")
                .contains("row 1: '-122.6793, 45.5189'");
        CliRun asLonLat = CliRun.of(args(Path.of("portland"), file, "--coords", "lonlat"));
        assertThat(asLonLat.exit()).isZero();
        assertThat(asLonLat.out()).contains("3 usable, 2 of them inside the box (67% of the rows)")
                .contains("outside the box: 1 row(s), e.g.").contains("    P-3: lon -123.9, lat 45.53");
    }

    @Test
    void reportsBytesNotValidInTheEncoding() throws Exception {
        Path file = dir.resolve("cp1252.csv");
        Files.write(file, "Incident Number,Occurred,Longitude,Latitude,Offense\nI-1,2024-03-01T10:00,-75.16,39.95,\u201cCAF\u00c9\u201d\n"
                .getBytes(Charset.forName("windows-1252")));
        CliRun utf8 = CliRun.of(args(Path.of("philadelphia"), file, "--category-col", "Offense"));
        assertThat(utf8.exit()).isEqualTo(1);
        assertThat(utf8.out()).contains("problem: " + file + " row 1 has bytes that are not valid UTF-8");
        CliRun cp1252 = CliRun.of(args(Path.of("philadelphia"), file, "--category-col", "Offense", "--encoding", "windows-1252"));
        assertThat(cp1252.exit()).isZero();
    }

    @Test
    void aBadRegionFileIsOneLineNamingTheKey() throws Exception {
        Path region = dir.resolve("stlouis.yaml");
        Files.writeString(region, "name: stlouis\ncrs: EPSG:4326\nbbox: {minX: -90.32, minY: 38.53, maxX: -90.17, maxY: 38.77}\n"
                + "cellSizeMeters: 500\ntimeZone: CST\nhotspot: {topPercent: 5}\n");
        CliRun run = CliRun.of(args(region, usExport()));
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("error: timeZone in " + region + " line 5: 'CST' is not an IANA time zone; use one such as America/Chicago");
    }
}
