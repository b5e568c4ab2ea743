package org.sparksweep.data;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.sparksweep.plugin.Knob;
import org.sparksweep.space.ValueType;

/**
 * {@code libsvm}: sparse lines {@code label index:value index:value …} with 1-based, increasing
 * indices; absent features are 0. Text after {@code #} is a comment. A directory's files are read
 * in name order as one data set; {@code .gz} files are decompressed.
 */
public final class LibSvmDataSource implements FileDataSource {
    static final Knob FEATURES = Knob.of("features", ValueType.LONG, 0L,
            "number of features; 0 infers it from the largest index in the data");

    @Override
    public String name() {
        return "libsvm";
    }

    @Override
    public List<Knob> knobs() {
        return List.of(Options.PATH, FEATURES, Options.SHAPE, Options.TASK);
    }

    @Override
    public void check(Map<String, Object> options) {
        DataFiles.files(Options.text(options, "path"), DataFiles.configuration());
    }

    @Override
    public Examples load(Map<String, Object> options) throws Exception {
        String location = Options.text(options, "path");
        long declared = ((Number) options.getOrDefault(FEATURES.name(), 0L)).longValue();
        if (declared < 0) throw new DataException("data.features must be >= 0 (0 infers it), got " + declared);
        Configuration conf = DataFiles.configuration();
        LabelColumn labels = new LabelColumn(location, "label");
        List<int[]> indices = new ArrayList<>();
        List<double[]> values = new ArrayList<>();
        int maxIndex = 0;
        for (FileStatus f : DataFiles.files(location, conf)) {
            String file = f.getPath().toString();
            try (BufferedReader in = new BufferedReader(new InputStreamReader(DataFiles.open(f, conf), StandardCharsets.UTF_8))) {
                String line;
                long lineNumber = 0;
                while ((line = in.readLine()) != null) {
                    lineNumber++;
                    int hash = line.indexOf('#');
                    if (hash >= 0) line = line.substring(0, hash);
                    line = line.trim();
                    if (line.isEmpty()) continue;
                    String[] tokens = line.split("\\s+");
                    labels.add(tokens[0], lineNumber);
                    int[] idx = new int[tokens.length - 1];
                    double[] val = new double[tokens.length - 1];
                    for (int t = 1; t < tokens.length; t++) {
                        String token = tokens[t];
                        int colon = token.indexOf(':');
                        String where = file + ", line " + lineNumber + ", field " + (t + 1) + " '" + token + "'";
                        if (colon < 1) throw new DataException(where + ": expected index:value");
                        int index;
                        try {
                            index = Integer.parseInt(token.substring(0, colon));
                        } catch (NumberFormatException e) {
                            throw new DataException(where + ": the index is not a whole number");
                        }
                        if (index < 1) throw new DataException(where + ": indices are 1-based, got " + index);
                        if (t > 1 && index <= idx[t - 2]) throw new DataException(where + ": indices must increase along a line");
                        if (declared > 0 && index > declared) {
                            throw new DataException(where + ": index " + index + " is beyond data.features = " + declared);
                        }
                        Double v = LabelColumn.number(token.substring(colon + 1));
                        if (v == null) throw new DataException(where + ": the value is not a number");
                        idx[t - 1] = index;
                        val[t - 1] = v;
                        maxIndex = Math.max(maxIndex, index);
                    }
                    indices.add(idx);
                    values.add(val);
                }
            }
        }
        if (indices.isEmpty()) throw new DataException(location + " is empty: expected lines of 'label index:value ...'");
        int columns = declared > 0 ? Math.toIntExact(declared) : maxIndex;
        if (columns == 0) throw new DataException(location + ": no line has any feature");
        double[][] features = new double[indices.size()][columns];
        for (int i = 0; i < features.length; i++) {
            for (int k = 0; k < indices.get(i).length; k++) features[i][indices.get(i)[k] - 1] = values.get(i)[k];
        }
        String[] names = new String[columns];
        for (int j = 0; j < columns; j++) names[j] = "f" + (j + 1);
        LabelColumn.Resolved y = labels.resolve(Options.task(options));
        return new Examples(location, names, features, y.targets(), y.classes(),
                CsvTable.shape(location, Options.ints(options, Options.SHAPE.name()), columns), y.classNames());
    }
}
