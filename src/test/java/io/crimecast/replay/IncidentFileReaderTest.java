package io.crimecast.replay;

import io.crimecast.grid.Regions;
import io.crimecast.incident.Incident;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IncidentFileReaderTest {
    @TempDir
    Path dir;

    @Test
    void anyCityExportByColumnMappingWithBomCrlfGzipAndAJavaTimePattern() throws Exception {
        String csv = "\uFEFFCase No,When,Lon,Lat,Type\r\n"
                + "B-2,03/10/2019 11:30 pm,-75.16,39.95,Theft\r\n"       // 23:30 EDT: still 03-10 locally; any case
                + "A-1,03/10/2019 01:15 AM,-75.16,39.95,Assault\r\n"
                + "C-3,,-75.16,39.95,Theft\r\n"
                + "D-4,03/11/2019 09:00 AM,,39.95,Theft\r\n"
                + "E-5,yesterday,-75.16,39.95,Theft\r\n"
                + "F-6,03/11/2019 09:00 AM,east,39.95,Theft\r\n"
                + "G-7,12/31/1969 09:00 AM,-75.16,39.95,Theft\r\n";     // before Kafka's timestamps begin
        Path gz = dir.resolve("export.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(csv.getBytes(StandardCharsets.UTF_8));
        }
        ColumnMapping mapping = new ColumnMapping("case no", "When", "MM/dd/yyyy hh:mm a", "Lon", "Lat", "Type", false);
        IncidentFileReader.ReadResult read = new IncidentFileReader(Regions.load("philadelphia"), mapping).read(List.of(gz));

        assertThat(read.rowsRead()).isEqualTo(7);
        assertThat(read.skipped()).containsExactlyInAnyOrderEntriesOf(Map.of("missing-time", 1L, "missing-coordinates", 1L,
                "bad-time", 2L, "bad-coordinates", 1L));
        assertThat(read.incidents()).extracting(t -> t.incident().id()).containsExactly("A-1", "B-2"); // event-time order
        Incident b = read.incidents().get(1).incident();
        assertThat(b.occurredAt()).isEqualTo("2019-03-10T23:30");
        assertThat(b.x()).isEqualTo(-75.16);
        assertThat(b.y()).isEqualTo(39.95);
        assertThat(b.category()).isEqualTo("Theft");
        assertThat(b.region()).isEqualTo("philadelphia");
        assertThat(read.incidents().get(1).at()).isEqualTo(Instant.parse("2019-03-11T03:30:00Z"));
    }

    @Test
    void isoTimesWithAndWithoutOffsetsAndDatesWhenNoPatternIsGiven() throws Exception {
        Path file = dir.resolve("iso.csv");
        Files.writeString(file, "id,t,x,y\n1,2019-03-10T12:00:00Z,7650000,690000\n2,2019-03-10,7650000,690000\n3,2019-03-10 01:00,7650000,690000\n");
        var read = new IncidentFileReader(Regions.load("portland"), new ColumnMapping("id", "t", null, "x", "y", null, false))
                .read(List.of(file));
        assertThat(read.skippedTotal()).isZero();
        assertThat(read.incidents()).extracting(t -> t.incident().occurredAt())
                .containsExactly("2019-03-10T01:00", "2019-03-10T05:00-07:00", "2019-03-10"); // DST began at 10:00Z
    }

    @Test
    void philadelphiaFormatOnTheRealExport() throws Exception {
        Path month = Path.of(getClass().getResource("/data/incidents_2021_03.csv.gz").toURI());
        var read = new IncidentFileReader(Regions.load("philadelphia"), ColumnMapping.PHILADELPHIA).read(List.of(month));
        assertThat(read.rowsRead()).isEqualTo(read.incidents().size() + read.skippedTotal());
        assertThat(read.skipped()).containsOnlyKeys("missing-coordinates");
        Incident first = read.incidents().get(0).incident();
        assertThat(first.lat()).isBetween(39.8, 40.2);
        assertThat(first.occurredAt()).startsWith("2021-02-28T").endsWith("-05:00"); // UTC converted to local time
    }

    @Test
    void portlandNijFormatIdsAreFilePathAndRow() throws Exception {
        Path file = dir.resolve("nij.csv");
        Files.writeString(file, "category,source_file,source_row,occ_date,x_coordinate,y_coordinate,census_tract\n"
                + "STREET CRIMES,SC.mat,1,2016-08-01,7650000,690000,4900\nBURGLARY,BURG.mat,1,2016-08-02,7651000,691000,0\n");
        var read = new IncidentFileReader(Regions.load("portland"), ColumnMapping.PORTLAND_NIJ).read(List.of(file));
        assertThat(read.incidents()).extracting(t -> t.incident().id()).containsExactly(file + "#1", file + "#2");
        assertThat(read.incidents().get(1).incident().category()).isEqualTo("BURGLARY");
    }

    @Test
    void aMissingColumnIsAClearError() throws Exception {
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, "a,b\n1,2\n");
        assertThatThrownBy(() -> new IncidentFileReader(Regions.load("portland"), ColumnMapping.PORTLAND_NIJ).read(List.of(file)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has no column 'occ_date'").hasMessageContaining("[a, b]");
    }

    @Test
    void skipsKeepUpToThreeSampleRowsWithFileRowAndValue() throws Exception {
        Path file = dir.resolve("times.csv");
        Files.writeString(file, "id,t,x,y\n1,13/03/2024,7650000,690000\n2,2024-03-01,7650000,690000\n3,14/03/2024,7650000,690000\n"
                + "4,15/03/2024,7650000,690000\n5,16/03/2024,7650000,690000\n");
        var read = new IncidentFileReader(Regions.load("portland"), new ColumnMapping("id", "t", null, "x", "y", null, false)).read(List.of(file));
        assertThat(read.skipped()).containsExactly(Map.entry("bad-time", 4L));
        assertThat(read.samples().get("bad-time")).containsExactly(new IncidentFileReader.SkippedRow(file.toString(), 1, "13/03/2024"),
                new IncidentFileReader.SkippedRow(file.toString(), 3, "14/03/2024"), new IncidentFileReader.SkippedRow(file.toString(), 4, "15/03/2024"));
    }

    @Test
    void zeroZeroAndLonLatInAProjectedRegionAreSkippedWithTheirOwnReasons() throws Exception {
        Path file = dir.resolve("coords.csv");
        Files.writeString(file, "id,t,x,y\n1,2024-03-01,0,0\n2,2024-03-01,-122.68,45.52\n3,2024-03-01,7650000,690000\n");
        var read = new IncidentFileReader(Regions.load("portland"), new ColumnMapping("id", "t", null, "x", "y", null, false)).read(List.of(file));
        assertThat(read.skipped()).containsExactlyInAnyOrderEntriesOf(Map.of("zero-coordinates", 1L, "lonlat-in-projected-region", 1L));
        assertThat(read.samples().get("lonlat-in-projected-region")).extracting(IncidentFileReader.SkippedRow::value).containsExactly("-122.68, 45.52");
        assertThat(read.incidents()).extracting(t -> t.incident().id()).containsExactly("3");
    }

    @Test
    void lonLatColumnsForAProjectedRegionBecomeLatLonIncidents() throws Exception {
        Path file = dir.resolve("lonlat.csv");
        Files.writeString(file, "id,t,lon,lat\n1,2024-03-01,-122.6793,45.5189\n2,2024-03-01,-122.6793,95\n");
        var read = new IncidentFileReader(Regions.load("portland"), new ColumnMapping("id", "t", null, "lon", "lat", null, true)).read(List.of(file));
        assertThat(read.skipped()).containsExactly(Map.entry("bad-coordinates", 1L));
        Incident incident = read.incidents().get(0).incident();
        assertThat(incident.lat()).isEqualTo(45.5189);
        assertThat(incident.lon()).isEqualTo(-122.6793);
        assertThat(incident.x()).isNull();
    }

    @Test
    void windows1252IsReadWithItsEncodingAndRefusedAsUtf8WithFileAndRow() throws Exception {
        Path file = dir.resolve("cp1252.csv");
        Files.write(file, "id,t,x,y,type\n1,2024-03-01,7650000,690000,plain\n2,2024-03-01,7650000,690000,\u201cCAF\u00c9\u201d\n"
                .getBytes(Charset.forName("windows-1252")));
        ColumnMapping mapping = new ColumnMapping("id", "t", null, "x", "y", "type", false);
        var read = new IncidentFileReader(Regions.load("portland"), mapping, Charset.forName("windows-1252")).read(List.of(file));
        assertThat(read.incidents()).extracting(t -> t.incident().category()).containsExactly("plain", "\u201cCAF\u00c9\u201d");
        assertThatThrownBy(() -> new IncidentFileReader(Regions.load("portland"), mapping).read(List.of(file)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file + " row 2 has bytes that are not valid UTF-8").hasMessageContaining("--encoding windows-1252");
    }

    @Test
    void anOriginColumnIsReadInAnyCaseAndAnUnknownValueIsSkipped() throws Exception {
        Path file = dir.resolve("origin.csv");
        Files.writeString(file, "id,t,x,y,how\n1,2024-03-01,7650000,690000,Officer-Initiated\n2,2024-03-01,7650000,690000,reported\n"
                + "3,2024-03-01,7650000,690000,\n4,2024-03-01,7650000,690000,patrol stop\n");
        var read = new IncidentFileReader(Regions.load("portland"), new ColumnMapping("id", "t", null, "x", "y", null, false, "how")).read(List.of(file));
        assertThat(read.incidents()).extracting(t -> t.incident().origin()).containsExactly("officer-initiated", "reported", null);
        assertThat(read.skipped()).containsExactly(Map.entry("bad-origin", 1L));
        assertThat(read.samples().get("bad-origin")).extracting(IncidentFileReader.SkippedRow::value).containsExactly("patrol stop");
    }

    @Test
    void aMissingFileIsNamed() {
        Path missing = dir.resolve("nothere.csv");
        assertThatThrownBy(() -> new IncidentFileReader(Regions.load("portland"), ColumnMapping.PORTLAND_NIJ).read(List.of(missing)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("no such file: " + missing);
    }
}
