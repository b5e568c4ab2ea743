package org.sparksweep.data;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.sparksweep.plugin.Knob;
import org.sparksweep.space.ValueType;

/**
 * {@code csv}: delimited text with a header row, from any Hadoop FileSystem URI ({@code .gz} files
 * are decompressed). A directory holding a single data file is read as that file.
 */
public final class CsvDataSource implements FileDataSource {
    static final Knob CATEGORICAL = Knob.listOf("categorical", ValueType.STRING,
            "columns holding categories, one-hot encoded (categories in sorted order)");
    static final Knob DELIMITER = Knob.of("delimiter", ValueType.STRING, ",", "the field separator, one character (use \"\\t\" for tabs)");

    @Override
    public String name() {
        return "csv";
    }

    @Override
    public List<Knob> knobs() {
        return List.of(Options.PATH, Options.LABEL, CATEGORICAL, DELIMITER, Options.SHAPE, Options.TASK);
    }

    @Override
    public void check(Map<String, Object> options) throws Exception {
        Configuration conf = DataFiles.configuration();
        FileStatus first = DataFiles.files(Options.text(options, "path"), conf).get(0);
        CsvTable.Layout layout = layout(options);
        String file = first.getPath().toString();
        try (BufferedReader in = reader(first, conf)) {
            CsvTable.checkColumns(file, CsvTable.header(file, in, layout.delimiter()), layout);
        }
    }

    @Override
    public Examples load(Map<String, Object> options) throws Exception {
        String location = Options.text(options, "path");
        Configuration conf = DataFiles.configuration();
        CsvTable.Layout layout = layout(options);
        List<FileStatus> files = DataFiles.files(location, conf);
        if (files.size() > 1) {
            throw new DataException(location + " is a directory of " + files.size()
                    + " files; the csv source reads one file: point data.path at it");
        }
        try (BufferedReader in = reader(files.get(0), conf)) {
            return CsvTable.read(location, files.get(0).getPath().toString(), in, layout);
        }
    }

    static CsvTable.Layout layout(Map<String, Object> options) {
        String d = Options.text(options, DELIMITER.name());
        if (d.equals("\\t")) d = "\t";
        if (d.length() != 1) throw new DataException("data.delimiter must be one character, got '" + d + "'");
        return new CsvTable.Layout(Options.text(options, "label"), Options.texts(options, CATEGORICAL.name()), d.charAt(0),
                Options.ints(options, Options.SHAPE.name()), Options.task(options));
    }

    private static BufferedReader reader(FileStatus file, Configuration conf) throws java.io.IOException {
        return new BufferedReader(new InputStreamReader(DataFiles.open(file, conf), StandardCharsets.UTF_8));
    }
}
