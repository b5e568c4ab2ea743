package org.sparksweep.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The libsvm source: sparse 1-based features, inferred or declared width, and line-precise errors. */
class LibSvmDataSourceTest {
    private final LibSvmDataSource libsvm = new LibSvmDataSource();

    @TempDir
    Path dir;

    private Map<String, Object> options(Path file, long features) {
        Map<String, Object> o = new HashMap<>();
        o.put("path", file.toString());
        o.put("features", features);
        o.put("task", "auto");
        return libsvm.resolve(o);
    }

    @Test
    void readsSparseLinesWithInferredOrDeclaredWidth() throws Exception {
        Path file = Files.writeString(dir.resolve("a.svm"), """
                +1 1:0.5 3:2   # a comment
                -1 2:1.5

                -1 1:1 2:2 3:3
                """);
        Examples d = libsvm.load(options(file, 0));
        assertEquals(3, d.columns());
        assertArrayEquals(new double[][] {{0.5, 0, 2}, {0, 1.5, 0}, {1, 2, 3}}, d.features());
        assertArrayEquals(new String[] {"-1", "+1"}, d.classNames(), "numeric labels sorted numerically");
        assertArrayEquals(new double[] {1, 0, 0}, d.targets());
        Examples wide = libsvm.load(options(file, 5));
        assertEquals(5, wide.columns());
        assertArrayEquals(new double[] {0, 1.5, 0, 0, 0}, wide.features()[1]);
    }

    @Test
    void badLinesAreNamed() throws Exception {
        Path file = Files.writeString(dir.resolve("bad.svm"), "1 1:0.5\n0 2:x\n");
        String m = assertThrows(DataException.class, () -> libsvm.load(options(file, 0))).getMessage();
        assertTrue(m.contains("line 2, field 2 '2:x': the value is not a number"), m);
        Path zero = Files.writeString(dir.resolve("zero.svm"), "1 0:0.5\n");
        assertTrue(assertThrows(DataException.class, () -> libsvm.load(options(zero, 0))).getMessage().contains("1-based"));
        Path beyond = Files.writeString(dir.resolve("beyond.svm"), "1 1:1\n0 4:1\n");
        String b = assertThrows(DataException.class, () -> libsvm.load(options(beyond, 3))).getMessage();
        assertTrue(b.contains("line 2") && b.contains("beyond data.features = 3"), b);
        Path empty = Files.writeString(dir.resolve("empty.svm"), "\n# nothing\n");
        assertTrue(assertThrows(DataException.class, () -> libsvm.load(options(empty, 0))).getMessage().contains("is empty"));
    }
}
