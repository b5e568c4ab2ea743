package org.sparksweep.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One load per JVM and data spec, until the file changes: the cache is keyed by URI and modification time. */
class DataCacheTest {
    @TempDir
    Path dir;

    @Test
    void aChangedFileIsReadAgainAnUnchangedOneIsNot() throws Exception {
        Path file = dir.resolve("points.csv");
        Files.writeString(file, "x,y\n1,1.5\n2,2.5\n3,3.5\n4,4.5\n5,5.5\n6,6.5\n7,7.5\n8,8.5\n9,9.5\n10,10.5\n");
        Files.setLastModifiedTime(file, FileTime.fromMillis(1_000_000_000_000L));
        DataSpec spec = new DataSpec("csv", new CsvDataSource().resolve(Map.of("path", file.toString(), "label", "y",
                "delimiter", ",", "task", "regression")), 0.2, 1);

        int before = DataCache.loads();
        TrainingData first = DataCache.get(spec);
        assertEquals(before + 1, DataCache.loads());
        assertSame(first, DataCache.get(spec), "an unchanged file is not read again");
        assertEquals(before + 1, DataCache.loads());

        Files.writeString(file, "x,y\n1,100\n2,200\n3,300\n4,400\n5,500\n6,600\n7,700\n8,800\n9,900\n10,1000\n");
        Files.setLastModifiedTime(file, FileTime.fromMillis(1_000_000_060_000L));
        TrainingData second = DataCache.get(spec);
        assertEquals(before + 2, DataCache.loads(), "a modified file is read again");
        double sum = 0;
        for (double t : second.train().targets()) sum += t;
        for (double t : second.validation().targets()) sum += t;
        assertEquals(5500.0, sum, 1e-9, "the new content is what trials see");
        assertSame(second, DataCache.get(spec));
    }

    @Test
    void badDataIsReadOnceUntilTheFileIsFixed() throws Exception {
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, "x,y\n1,a\noops,b\n3,a\n4,b\n");
        Files.setLastModifiedTime(file, FileTime.fromMillis(1_000_000_000_000L));
        DataSpec spec = new DataSpec("csv", new CsvDataSource().resolve(Map.of("path", file.toString(), "label", "y",
                "delimiter", ",", "task", "auto")), 0.5, 1);
        int before = DataCache.loads();
        for (int trial = 0; trial < 3; trial++) {
            DataException e = assertThrows(DataException.class, () -> DataCache.get(spec));
            assertTrue(e.getMessage().contains("line 3, column 'x': 'oops' is not a number"), e.getMessage());
        }
        assertEquals(before + 1, DataCache.loads(), "every trial gets the error, the file is read once");
        Files.writeString(file, "x,y\n1,a\n2,b\n3,a\n4,b\n");
        Files.setLastModifiedTime(file, FileTime.fromMillis(1_000_000_060_000L));
        assertEquals(2, DataCache.get(spec).train().rows(), "the fixed file is read");
        assertEquals(before + 2, DataCache.loads());
    }
}
