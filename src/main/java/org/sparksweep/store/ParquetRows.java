package org.sparksweep.store;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type.Repetition;
import org.apache.parquet.schema.Types;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampType;

/**
 * Writes Spark rows of a flat schema to a Parquet file with parquet-hadoop's own writer, in the
 * calling thread and without a Spark job. Spark reads the file back with the same columns and
 * types: string → BINARY (STRING), bigint → INT64, int → INT32, double → DOUBLE, boolean → BOOLEAN,
 * timestamp → INT64 TIMESTAMP(MICROS, adjusted to UTC), array&lt;double&gt; (no null elements) → a
 * three-level LIST of DOUBLE. Nullable columns are OPTIONAL and their
 * nulls are simply not written.
 */
final class ParquetRows {
    private final StructType type;
    private final MessageType schema;
    private final ValueWriter[] writers;

    ParquetRows(StructType type) {
        this.type = type;
        Types.MessageTypeBuilder message = Types.buildMessage();
        StructField[] fields = type.fields();
        this.writers = new ValueWriter[fields.length];
        for (int i = 0; i < fields.length; i++) {
            StructField f = fields[i];
            Repetition repetition = f.nullable() ? Repetition.OPTIONAL : Repetition.REQUIRED;
            if (f.dataType() instanceof ArrayType a && a.elementType() instanceof DoubleType && !a.containsNull()) {
                // the standard three-level LIST, which Spark reads as array<double>
                message.addField(Types.list(repetition).requiredElement(PrimitiveTypeName.DOUBLE).named(f.name()));
                writers[i] = ParquetRows::writeDoubles;
                continue;
            }
            Column c = column(f.dataType());
            message.primitive(c.primitive(), repetition)
                    .as(c.logical())
                    .named(f.name());
            writers[i] = c.writer();
        }
        this.schema = message.named("spark_schema");
    }

    MessageType schema() {
        return schema;
    }

    /** Writes the rows (of this schema, in its column order) as one file; the file must not exist. */
    void write(OutputFile file, Configuration conf, CompressionCodecName codec, List<Row> rows) throws IOException {
        try (ParquetWriter<Row> out = new Builder(file).withConf(conf).withCompressionCodec(codec).build()) {
            for (Row row : rows) out.write(row);
        }
    }

    private interface ValueWriter {
        void write(RecordConsumer out, Object value);
    }

    /** How one Spark type is stored: Parquet primitive, logical annotation (or null) and value writer. */
    private record Column(PrimitiveTypeName primitive, LogicalTypeAnnotation logical, ValueWriter writer) {}

    private static Column column(DataType t) {
        if (t instanceof StringType) {
            return new Column(PrimitiveTypeName.BINARY, LogicalTypeAnnotation.stringType(),
                    (out, v) -> out.addBinary(Binary.fromString((String) v)));
        }
        if (t instanceof LongType) return new Column(PrimitiveTypeName.INT64, null, (out, v) -> out.addLong(((Number) v).longValue()));
        if (t instanceof IntegerType) return new Column(PrimitiveTypeName.INT32, null, (out, v) -> out.addInteger(((Number) v).intValue()));
        if (t instanceof DoubleType) return new Column(PrimitiveTypeName.DOUBLE, null, (out, v) -> out.addDouble(((Number) v).doubleValue()));
        if (t instanceof BooleanType) return new Column(PrimitiveTypeName.BOOLEAN, null, (out, v) -> out.addBoolean((Boolean) v));
        if (t instanceof TimestampType) {
            return new Column(PrimitiveTypeName.INT64, LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MICROS),
                    (out, v) -> out.addLong(micros(v instanceof Timestamp ts ? ts.toInstant() : (Instant) v)));
        }
        throw new IllegalArgumentException("no Parquet mapping for Spark type " + t.simpleString());
    }

    private static void writeDoubles(RecordConsumer out, Object value) {
        List<?> values = value instanceof double[] d ? java.util.Arrays.stream(d).boxed().toList() : (List<?>) value;
        out.startGroup();
        if (!values.isEmpty()) {
            out.startField("list", 0);
            for (Object v : values) {
                out.startGroup();
                out.startField("element", 0);
                out.addDouble(((Number) v).doubleValue());
                out.endField("element", 0);
                out.endGroup();
            }
            out.endField("list", 0);
        }
        out.endGroup();
    }

    /** Microseconds since the epoch, sub-microsecond digits dropped (rounded down, as Spark does). */
    private static long micros(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000);
    }

    private final class Builder extends ParquetWriter.Builder<Row, Builder> {
        Builder(OutputFile file) {
            super(file);
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        @SuppressWarnings("deprecation") // still abstract in parquet-hadoop 1.17
        protected WriteSupport<Row> getWriteSupport(Configuration conf) {
            return new RowWriteSupport();
        }
    }

    private final class RowWriteSupport extends WriteSupport<Row> {
        private RecordConsumer out;

        @Override
        @SuppressWarnings("deprecation") // still abstract in parquet-hadoop 1.17
        public WriteContext init(Configuration conf) {
            return new WriteContext(schema, Map.of());
        }

        @Override
        public void prepareForWrite(RecordConsumer out) {
            this.out = out;
        }

        @Override
        public void write(Row row) {
            out.startMessage();
            for (int i = 0; i < writers.length; i++) {
                String name = schema.getFieldName(i);
                if (row.isNullAt(i)) {
                    if (!type.fields()[i].nullable()) throw new IllegalArgumentException("column " + name + " is not nullable but got null");
                    continue;
                }
                out.startField(name, i);
                writers[i].write(out, row.get(i));
                out.endField(name, i);
            }
            out.endMessage();
        }
    }
}
