package org.sparksweep.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.sparksweep.plugin.Knob;

/**
 * {@code parquet}: a Parquet file, or a directory of them (e.g. written by Spark), read with
 * parquet-hadoop inside the task that needs it, not through a SparkSession. Every top-level numeric
 * column (int, bigint, float, double, boolean as 0/1) but the label is a feature, in schema order;
 * other columns are left out. The label may be text (classes) or a number.
 */
public final class ParquetDataSource implements FileDataSource {

    @Override
    public String name() {
        return "parquet";
    }

    @Override
    public List<Knob> knobs() {
        return List.of(Options.PATH, Options.LABEL, Options.SHAPE, Options.TASK);
    }

    @Override
    public void check(Map<String, Object> options) throws Exception {
        Configuration conf = DataFiles.configuration();
        FileStatus first = DataFiles.files(Options.text(options, "path"), conf).get(0);
        columns(first, schema(first, conf), Options.text(options, "label"));
    }

    @Override
    public Examples load(Map<String, Object> options) throws Exception {
        String location = Options.text(options, "path");
        String label = Options.text(options, "label");
        Configuration conf = DataFiles.configuration();
        List<FileStatus> files = DataFiles.files(location, conf);
        List<String> featureNames = null;
        LabelColumn labels = new LabelColumn(location, label);
        List<double[]> rows = new ArrayList<>();
        for (FileStatus f : files) {
            String file = f.getPath().toString();
            MessageType schema = schema(f, conf);
            Columns c = columns(f, schema, label);
            if (featureNames == null) featureNames = c.names();
            else if (!featureNames.equals(c.names())) {
                throw new DataException(file + ": feature columns " + c.names() + " differ from " + featureNames + " in " + files.get(0).getPath());
            }
            try (ParquetReader<Group> reader = ParquetReader.builder(new GroupReadSupport(), f.getPath()).withConf(conf).build()) {
                Group g;
                long row = 0;
                while ((g = reader.read()) != null) {
                    row++;
                    if (g.getFieldRepetitionCount(c.label()) == 0) {
                        throw new DataException(file + ", row " + row + ", column '" + label + "': the label is null");
                    }
                    labels.add(g.getValueToString(c.label(), 0), row);
                    double[] x = new double[c.fields().length];
                    for (int j = 0; j < x.length; j++) {
                        int field = c.fields()[j];
                        if (g.getFieldRepetitionCount(field) == 0) {
                            throw new DataException(file + ", row " + row + ", column '" + c.names().get(j) + "': the value is null; fill or drop missing values first");
                        }
                        x[j] = switch (schema.getType(field).asPrimitiveType().getPrimitiveTypeName()) {
                            case INT32 -> g.getInteger(field, 0);
                            case INT64 -> g.getLong(field, 0);
                            case FLOAT -> g.getFloat(field, 0);
                            case DOUBLE -> g.getDouble(field, 0);
                            case BOOLEAN -> g.getBoolean(field, 0) ? 1 : 0;
                            default -> throw new IllegalStateException("not a numeric column: " + c.names().get(j));
                        };
                    }
                    rows.add(x);
                }
            }
        }
        if (rows.isEmpty()) throw new DataException(location + " holds no rows");
        LabelColumn.Resolved y = labels.resolve(Options.task(options));
        String[] names = featureNames.toArray(new String[0]);
        return new Examples(location, names, rows.toArray(new double[0][]), y.targets(), y.classes(),
                CsvTable.shape(location, Options.ints(options, Options.SHAPE.name()), names.length), y.classNames());
    }

    /** The label's field index and the numeric feature fields of a file's schema. */
    private record Columns(int label, int[] fields, List<String> names) {}

    private static Columns columns(FileStatus file, MessageType schema, String label) {
        List<String> all = new ArrayList<>();
        for (Type t : schema.getFields()) all.add(t.getName());
        if (!schema.containsField(label)) {
            throw new DataException(file.getPath() + ": no label column '" + label + "'; the columns are " + all + " (set data.label to one of them)");
        }
        int labelAt = schema.getFieldIndex(label);
        Type labelType = schema.getType(labelAt);
        if (!labelType.isPrimitive() || labelType.isRepetition(Type.Repetition.REPEATED)) {
            throw new DataException(file.getPath() + ": label column '" + label + "' is not a single value (" + labelType + ")");
        }
        List<Integer> fields = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < schema.getFieldCount(); i++) {
            Type t = schema.getType(i);
            if (i == labelAt || !t.isPrimitive() || t.isRepetition(Type.Repetition.REPEATED)) continue;
            PrimitiveTypeName p = t.asPrimitiveType().getPrimitiveTypeName();
            if (p == PrimitiveTypeName.INT32 || p == PrimitiveTypeName.INT64 || p == PrimitiveTypeName.FLOAT
                    || p == PrimitiveTypeName.DOUBLE || p == PrimitiveTypeName.BOOLEAN) {
                fields.add(i);
                names.add(t.getName());
            }
        }
        if (fields.isEmpty()) throw new DataException(file.getPath() + ": no numeric feature columns besides the label; the columns are " + all);
        return new Columns(labelAt, fields.stream().mapToInt(Integer::intValue).toArray(), names);
    }

    private static MessageType schema(FileStatus file, Configuration conf) {
        try (ParquetFileReader r = ParquetFileReader.open(HadoopInputFile.fromStatus(file, conf))) {
            return r.getFooter().getFileMetaData().getSchema();
        } catch (java.io.IOException | RuntimeException e) {
            throw new DataException(file.getPath() + " is not a readable Parquet file: " + e.getMessage(), e);
        }
    }
}
