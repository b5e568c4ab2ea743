package org.sparksweep.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The csv source: header, label by name, one-hot categories, string labels, Hadoop URIs, gzip, and errors that say where. */
class CsvDataSourceTest {
    private final CsvDataSource csv = new CsvDataSource();

    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    private static Map<String, Object> options(Object path, String label, Object... more) {
        Map<String, Object> o = new HashMap<>();
        o.put("path", path.toString());
        o.put("label", label);
        o.put("delimiter", ",");
        o.put("task", "auto");
        for (int i = 0; i < more.length; i += 2) o.put((String) more[i], more[i + 1]);
        return o;
    }

    private static final String PETS = """
            weight,colour,legs,kind
            4.5,black,4,cat
            30,brown,4,dog
            0.02,green,6,"beetle"
            5.1,white,4,cat
            0.03,black,6,beetle
            """;

    @Test
    void readsCategoricalColumnsOneHotAndStringLabelsAsSortedClasses() throws Exception {
        Path file = write("pets.csv", PETS);
        Examples d = csv.load(csv.resolve(options(file.toUri(), "kind", "categorical", List.of("colour"))));
        assertArrayEquals(new String[] {"weight", "colour=black", "colour=brown", "colour=green", "colour=white", "legs"}, d.featureNames());
        assertArrayEquals(new String[] {"beetle", "cat", "dog"}, d.classNames(), "classes in sorted order, names kept");
        assertEquals(3, d.classes());
        assertArrayEquals(new double[] {1, 2, 0, 1, 0}, d.targets());
        assertArrayEquals(new double[] {30, 0, 1, 0, 0, 4}, d.features()[1]);
        assertArrayEquals(new double[] {0.03, 1, 0, 0, 0, 6}, d.features()[4]);
        assertArrayEquals(new int[] {6}, d.shape());
    }

    @Test
    void numericCategoriesSortAsNumbersAndEqualNumbersAreOneCategory() throws Exception {
        Path file = write("levels.csv", "grade,x,y\n1,5,a\n2.0,6,b\n1.0,7,a\n10,8,b\n");
        Examples d = csv.load(options(file, "y", "categorical", List.of("grade")));
        assertArrayEquals(new String[] {"grade=1", "grade=2.0", "grade=10", "x"}, d.featureNames());
        assertArrayEquals(new double[][] {{1, 0, 0, 5}, {0, 1, 0, 6}, {1, 0, 0, 7}, {0, 0, 1, 8}}, d.features());
    }

    @Test
    void aPlainPathIsMadeAnAbsoluteFileUriAndReadsTheSameAsTheUri() throws Exception {
        Path file = write("pets.csv", PETS);
        Path relative = Path.of("").toAbsolutePath().relativize(file);
        Map<String, Object> resolved = csv.resolve(options(relative, "kind", "categorical", List.of("colour")));
        assertEquals(file.toUri().toString(), resolved.get("path"));
        Examples fromPath = csv.load(resolved);
        Examples fromUri = csv.load(options(file.toUri(), "kind", "categorical", List.of("colour")));
        assertArrayEquals(fromUri.features(), fromPath.features());
        assertArrayEquals(fromUri.targets(), fromPath.targets());
    }

    @Test
    void numericLabelsRegressionShapeDelimiterAndGzip() throws Exception {
        Path gz = dir.resolve("grid.tsv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write("a\tb\tc\td\ty\n1\t2\t3\t4\t0.5\n5\t6\t7\t8\t1.25\n9\t10\t11\t12\t-3\n".getBytes(StandardCharsets.UTF_8));
        }
        Examples d = csv.load(options(gz.toUri(), "y", "delimiter", "\\t", "shape", List.of(1L, 2L, 2L)));
        assertEquals(0, d.classes(), "real-valued labels are regression under task auto");
        assertArrayEquals(new double[] {0.5, 1.25, -3}, d.targets());
        assertArrayEquals(new double[] {5, 6, 7, 8}, d.features()[1]);
        assertArrayEquals(new int[] {1, 2, 2}, d.shape());

        Path ints = write("ints.csv", "x,y\n1,10\n2,20\n3,10\n");
        assertEquals(2, csv.load(options(ints, "y")).classes(), "few whole-number labels are classes under task auto");
        assertEquals(0, csv.load(options(ints, "y", "task", "regression")).classes());
        assertArrayEquals(new String[] {"10", "20"}, csv.load(options(ints, "y", "task", "classification")).classNames());
    }

    private String error(Path file, String label, Object... more) {
        return assertThrows(DataException.class, () -> csv.load(options(file.toUri(), label, more))).getMessage();
    }

    @Test
    void missingLabelColumnListsTheColumnsThereAre() throws Exception {
        Path file = write("pets.csv", PETS);
        String m = error(file, "Kind");
        assertTrue(m.contains("no label column 'Kind'") && m.contains("[weight, colour, legs, kind]") && m.contains("did you mean 'kind'"), m);
        assertTrue(m.contains(file.toUri().toString().replace("file:///", "file:/")), m);
        // the same check runs on the driver when the spec is read
        DataException early = assertThrows(DataException.class, () -> csv.check(options(file.toUri(), "Kind")));
        assertTrue(early.getMessage().contains("no label column 'Kind'"), early.getMessage());
        String cat = error(file, "kind", "categorical", List.of("color"));
        assertTrue(cat.contains("no categorical column 'color'"), cat);
    }

    @Test
    void nonNumericCellNamesLineColumnAndValue() throws Exception {
        Path file = write("pets.csv", PETS.replace("30,brown", "thirty,brown"));
        String m = error(file, "kind", "categorical", List.of("colour"));
        assertTrue(m.contains("line 3, column 'weight': 'thirty' is not a number"), m);
        assertTrue(m.contains("data.categorical"), "says how to fix it: " + m);
        String notCategorical = error(write("p2.csv", PETS), "kind");
        assertTrue(notCategorical.contains("line 2, column 'colour': 'black' is not a number"), notCategorical);
    }

    @Test
    void raggedRowEmptyFileHeaderOnlyAndUnreadablePath() throws Exception {
        String ragged = error(write("ragged.csv", "a,b,y\n1,2,x\n3,y\n"), "y");
        assertTrue(ragged.contains("line 3: 2 fields but the header has 3 columns [a, b, y]"), ragged);
        String afterBlanks = error(write("blanks.csv", "\n\na,b,y\n1,2,x\n\n3,y\n"), "y");
        assertTrue(afterBlanks.contains("line 6: 2 fields"), "line numbers count every line of the file: " + afterBlanks);
        String empty = error(write("empty.csv", ""), "y");
        assertTrue(empty.contains("empty.csv is empty"), empty);
        String headerOnly = error(write("header.csv", "a,y\n"), "y");
        assertTrue(headerOnly.contains("has a header but no data rows"), headerOnly);
        String missing = error(dir.resolve("nowhere.csv"), "y");
        assertTrue(missing.contains("nowhere.csv does not exist"), missing);
        String regression = error(write("r.csv", "a,y\n1,2.5\n2,high\n"), "y", "task", "regression");
        assertTrue(regression.contains("line 3, column 'y': label 'high' is not a number"), regression);
        String oneClass = error(write("one.csv", "a,y\n1,cat\n2,cat\n"), "y");
        assertTrue(oneClass.contains("at least two classes"), oneClass);
        String shape = error(write("s.csv", "a,b,y\n1,2,x\n3,4,z\n"), "y", "shape", List.of(3L));
        assertTrue(shape.contains("data.shape [3] holds 3 values per example but there are 2 feature columns"), shape);
    }
}
