package org.sparksweep.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparksweep.testing.SharedSpark;

/** The parquet source reads a directory Spark wrote, with parquet-hadoop alone: numeric columns are features, the label by name. */
class ParquetDataSourceTest {
    private final ParquetDataSource parquet = new ParquetDataSource();

    @TempDir
    Path dir;

    private Map<String, Object> options(String path, String label) {
        Map<String, Object> o = new HashMap<>();
        o.put("path", path);
        o.put("label", label);
        o.put("task", "auto");
        return parquet.resolve(o);
    }

    @Test
    void readsADirectoryWrittenBySpark() throws Exception {
        StructType schema = new StructType()
                .add("id", DataTypes.LongType, false)
                .add("note", DataTypes.StringType, true)
                .add("size", DataTypes.DoubleType, false)
                .add("count", DataTypes.IntegerType, false)
                .add("flag", DataTypes.BooleanType, false)
                .add("species", DataTypes.StringType, false);
        List<Row> rows = List.of(
                RowFactory.create(1L, "a", 0.5, 3, true, "oak"),
                RowFactory.create(2L, null, 1.5, 4, false, "ash"),
                RowFactory.create(3L, "c", 2.5, 5, true, "oak"),
                RowFactory.create(4L, "d", 3.5, 6, false, "elm"));
        String out = dir.resolve("trees").toString();
        SharedSpark.get().createDataFrame(rows, schema).repartition(2).write().parquet(out);

        Examples d = parquet.load(options(out, "species"));
        assertArrayEquals(new String[] {"id", "size", "count", "flag"}, d.featureNames(), "numeric columns in schema order; text left out");
        assertArrayEquals(new String[] {"ash", "elm", "oak"}, d.classNames());
        assertEquals(4, d.rows(), "every part file is read");
        double[][] byId = d.features().clone();
        Integer[] order = {0, 1, 2, 3};
        Arrays.sort(order, Comparator.comparingDouble(i -> byId[i][0]));
        assertArrayEquals(new double[] {2, 1.5, 4, 0}, byId[order[1]]);
        assertEquals(0.0, d.targets()[order[1]], "ash is class 0");
        assertEquals(2.0, d.targets()[order[2]], "oak is class 2");

        String m = assertThrows(DataException.class, () -> parquet.load(options(out, "kind"))).getMessage();
        assertTrue(m.contains("no label column 'kind'") && m.contains("[id, note, size, count, flag, species]"), m);
        assertTrue(assertThrows(DataException.class, () -> parquet.check(options(out, "kind"))).getMessage().contains("no label column"));
        String notParquet = assertThrows(DataException.class, () -> parquet.load(options(dir.resolve("x.parquet").toString(), "y"))).getMessage();
        assertTrue(notParquet.contains("does not exist"), notParquet);
    }
}
