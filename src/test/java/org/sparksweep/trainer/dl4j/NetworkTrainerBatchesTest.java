package org.sparksweep.trainer.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

class NetworkTrainerBatchesTest {
    private static void sameAsDl4j(DataSet set, int size) {
        List<DataSet> ours = NetworkTrainer.batches(set, size), dl4j = set.batchBy(size);
        assertEquals(dl4j.size(), ours.size());
        for (int i = 0; i < dl4j.size(); i++) {
            assertEquals(dl4j.get(i).getFeatures(), ours.get(i).getFeatures(), "features of batch " + i);
            assertEquals(dl4j.get(i).getLabels(), ours.get(i).getLabels(), "labels of batch " + i);
            assertEquals(dl4j.get(i).getFeatures().ordering(), ours.get(i).getFeatures().ordering());
        }
    }

    @Test
    void theBatchesAreDl4jsInTheSameOrder() {
        Nd4jThreads.configure();
        DataSet flat = new DataSet(Nd4j.rand(DataType.FLOAT, 37, 4), Nd4j.rand(DataType.FLOAT, 37, 3));
        flat.shuffle(7);
        sameAsDl4j(flat, 16); // 16, 16, 5
        sameAsDl4j(flat, 37);
        sameAsDl4j(flat, 50);
        sameAsDl4j(new DataSet(Nd4j.rand(DataType.FLOAT, 10, 1, 4, 4), Nd4j.rand(DataType.FLOAT, 10, 2)), 3); // images
        sameAsDl4j(new DataSet(Nd4j.rand(DataType.FLOAT, 9, 2, 5), Nd4j.rand(DataType.FLOAT, 9, 2)), 4); // sequences
    }
}
