package org.llavainspector.ui.search;

import java.util.Arrays;
import java.util.Locale;
import org.llavainspector.core.dataset.DatasetCollection;
import org.llavainspector.core.util.CancellableMonitor;

/** Searches the collection (stand-in until the query engine lands: words in id or image path). */
public final class SampleSearcher implements FilterViewModel.Searcher {
    private final DatasetCollection collection;

    public SampleSearcher(DatasetCollection collection) {
        this.collection = collection;
    }

    @Override
    public int[] search(String query, CancellableMonitor monitor) {
        String[] words = query.toLowerCase(Locale.ROOT).split("\\s+");
        int n = collection.size();
        int[] found = new int[n];
        int count = 0;
        for (int g = 0; g < n; g++) {
            if ((g & 4095) == 0) {
                monitor.checkCancelled();
            }
            int r = collection.recordOf(g);
            String id = String.valueOf(collection.datasetOf(g).index().id(r)).toLowerCase(Locale.ROOT);
            String image = String.valueOf(collection.datasetOf(g).index().firstImage(r)).toLowerCase(Locale.ROOT);
            boolean all = true;
            for (String w : words) {
                all &= id.contains(w) || image.contains(w);
            }
            if (all) {
                found[count++] = g;
            }
        }
        return Arrays.copyOf(found, count);
    }
}
