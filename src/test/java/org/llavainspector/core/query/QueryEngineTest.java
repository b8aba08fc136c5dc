package org.llavainspector.core.query;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llavainspector.TestFiles;
import org.llavainspector.core.dataset.DatasetIndex;
import org.llavainspector.core.util.CancellableMonitor;
import org.llavainspector.core.util.TaskMonitor;
import org.llavainspector.core.validate.ProblemIndex;
import org.llavainspector.core.validate.ProblemKind;

class QueryEngineTest {
    @TempDir
    Path dir;

    /** The matches of query among records given as JSON objects (raw text, escapes as written). */
    private List<Integer> search(String query, String... records) throws Exception {
        Path file = TestFiles.write(dir, "records.json", "[\n" + String.join(",\n", records) + "\n]\n");
        try (OpenDataset data = new OpenDataset(file)) {
            return data.search(query);
        }
    }

    private static String rec(String id, String value) {
        return "{\"id\": \"" + id + "\", \"image\": \"" + id + ".jpg\", \"conversations\": [{\"from\": \"human\", "
                + "\"value\": \"<image>\\nWhat is it?\"}, {\"from\": \"gpt\", \"value\": \"" + value + "\"}]}";
    }

    @Test
    void escapesAreDecodedBeforeMatching() throws Exception {
        String[] records = {rec("a", "caf\\u00e9 au lait"), rec("b", "café noir"), rec("c", "CAF\\u00c9"), rec("d", "cafe")};
        assertEquals(List.of(0, 1, 2), search("café", records));
        assertEquals(List.of(0, 1, 2), search("CAFÉ", records));
        assertEquals(List.of(3), search("cafe", records));
        assertEquals(List.of(0), search("\"café au\"", records));
    }

    @Test
    void lineBreaksAndRunsOfSpacesCountAsOneSpace() throws Exception {
        String[] records = {rec("a", "by the window.\\n\\nDogs often sit"), rec("b", "by the window.  Dogs"),
            rec("c", "by the window.Dogs"), rec("d", "tab\\there")};
        assertEquals(List.of(0, 1), search("\"window. dogs\"", records));
        assertEquals(List.of(0, 1), search("\"window.   dogs\"", records));
        assertEquals(List.of(3), search("\"tab here\"", records));
        assertEquals(List.of(), search("nwhat", records), "the escape \\n is a line break, not the letter n");
        assertEquals(List.of(0, 1, 2, 3), search("\"<image> what\"", records));
    }

    @Test
    void quotesBackslashesAndSlashes() throws Exception {
        String[] records = {rec("a", "she said \\\"hi\\\" twice"), rec("b", "C:\\\\temp\\\\x"), rec("c", "either\\/or")};
        assertEquals(List.of(0), search("\"said \\\"hi\\\"\"", records));
        assertEquals(List.of(1), search("\"c:\\\\temp\"", records));
        assertEquals(List.of(2), search("either/or", records));
    }

    @Test
    void surrogatePairsAndOtherScripts() throws Exception {
        String[] records = {rec("a", "smile \\ud83d\\ude00 please"), rec("b", "smile 😀 please"),
            rec("c", "\\u03a3\\u039f\\u03a6\\u0399\\u0391"), rec("d", "İstanbul"), rec("e", "Stra\\u00dfe")};
        assertEquals(List.of(0, 1), search("😀", records));
        assertEquals(List.of(0, 1), search("\"smile 😀 please\"", records));
        assertEquals(List.of(2), search("σοφια", records), "Greek folds by code point");
        assertEquals(List.of(3), search("istanbul", records), "İ lower-cases to i");
        assertEquals(List.of(4), search("straße", records));
        String[] deseret = {rec("a", "\\ud801\\udc00"), rec("b", "\ud801\udc00"), rec("c", "\\ud801")};
        assertEquals(List.of(0, 1), search("\ud801\udc28", deseret), "a supplementary letter folds as one code point");
    }

    @Test
    void keysAndOtherFieldsAreNotSearched() throws Exception {
        String[] records = {"{\"id\": \"x1\", \"model\": \"dog\", \"dog\": \"cat\", \"conversations\": [{\"from\": \"human\", "
                + "\"value\": \"Hi\", \"weight\": \"frisbee\"}, {\"from\": \"gpt\", \"value\": \"Hello.\"}]}"};
        for (String word : new String[] {"dog", "cat", "frisbee", "conversations", "from", "value", "human", "gpt", "model",
            "weight", "id", "image"}) {
            assertEquals(List.of(), search(word, records), word);
        }
        assertEquals(List.of(0), search("hello.", records));
        assertEquals(List.of(0), search("x1", records), "the id is searched");
    }

    @Test
    void idsImagesAndNumbers() throws Exception {
        String[] records = {"{\"id\": 123456, \"image\": [\"sub/one.jpg\", \"two.PNG\"], \"conversations\": []}",
            "{\"id\": \"GCC_train_1\", \"image\": \"gcc/GCC_train_1.jpg\", \"conversations\": []}"};
        assertEquals(List.of(0), search("2345", records), "a number id is searched as written");
        assertEquals(List.of(0), search("two.png", records), "every image of a list");
        assertEquals(List.of(0), search("image:sub/", records));
        assertEquals(List.of(1), search("image:GCC/", records));
        assertEquals(List.of(0), search("id:=123456", records));
        assertEquals(List.of(1), search("id:train", records));
        assertEquals(List.of(), search("id:=gcc_train_1", records), "an exact id keeps its case");
        assertEquals(List.of(0), search("has:multi-image", records));
        assertEquals(List.of(0), search("re:/one\\.jpg$/", records));
    }

    @Test
    void rolesCompareExactlyAndOnlyInTurns() throws Exception {
        String[] records = {"{\"id\": \"a\", \"from\": \"system\", \"conversations\": [{\"from\": \"Human\", \"value\": \"x\"}]}",
            "{\"id\": \"b\", \"conversations\": [{\"from\": \"system\", \"value\": \"Be brief.\"}, {\"from\": \"human\", \"value\": \"x\"}]}",
            "{\"id\": \"c\", \"conversations\": [{\"value\": \"x\", \"from\": \"sys\\u0074em\"}]}"};
        assertEquals(List.of(1, 2), search("from:system", records));
        assertEquals(List.of(0), search("from:Human", records));
        assertEquals(List.of(1), search("from:human", records));
        assertEquals(List.of(0), search("-from:system", records));
    }

    @Test
    void regexesFindInDecodedTextCaseInsensitively() throws Exception {
        String[] records = {rec("a", "A red Frisbee.\\nAnother frisbees"), rec("b", "frisbeetrick"), rec("c", "ſtar and \\u212Aelvin")};
        assertEquals(List.of(0), search("re:/\\bfrisbee\\b/", records));
        assertEquals(List.of(0), search("re:/frisbee\\.\\s+another/", records));
        assertEquals(List.of(2), search("re:/star/", records), "Unicode case: long s matches s");
        assertEquals(List.of(2), search("re:/kelvin/", records), "Unicode case: the Kelvin sign matches k");
        assertEquals(List.of(), search("re:/(?-i)FRISBEE/", records));
    }

    @Test
    void theDemoDataset() throws Exception {
        try (OpenDataset demo = new OpenDataset(TestFiles.demo())) {
            assertEquals(List.of(28), demo.search("has:no-image"), "the text-only ShareGPT record");
            assertEquals("i6IyJda_0", demo.index.id(28));
            assertEquals(List.of(29), demo.search("has:multi-image"));
            assertEquals(List.of(15), demo.search("from:system"));
            assertEquals(29, demo.search("-from:system").size());
            assertEquals(List.of(27), demo.search("turns>8"));
            assertEquals(List.of(0, 1, 2, 26), demo.search("id:=000000319154"));
            assertEquals(List.of(17, 18, 19, 20, 21), demo.search("id:gcc_train"));
            assertEquals(List.of(25, 26), demo.search("image:coco/train2017"));
            assertEquals(List.of(1, 2, 5, 7, 9, 26), demo.search("problem:duplicate-id"));
            assertEquals(List.of(), demo.search("problem:any"));
            assertEquals(List.of(0, 1, 2, 26, 29), demo.search("dog"));
            assertEquals(List.of(0), demo.search("\"lookout point. the dog could\""));
            assertEquals(List.of(16), demo.search("human"), "in a value, not the role");
            assertEquals(List.of(), demo.search("conversations"));
            assertEquals(List.of(29), demo.search("dog has:multi-image"));
            assertEquals(List.of(28, 29), demo.search("has:no-image OR has:multi-image"));
            assertEquals(List.of(0, 1, 2, 26), demo.search("dog -has:multi-image"));
            assertEquals(30, demo.search("").size());
            demo.problems.add(3, ProblemKind.MISSING_IMAGE);
            assertEquals(List.of(3), demo.search("problem:missing-image"));
            assertEquals(List.of(3), demo.search("problem:any"));
        }
    }

    @Test
    void realRecords() throws Exception {
        try (OpenDataset mix = new OpenDataset(TestFiles.realdata("llava_v1_5_mix665k_sample.json"));
             OpenDataset complex = new OpenDataset(TestFiles.realdata("complex_reasoning_77k_sample.json"));
             OpenDataset conversation = new OpenDataset(TestFiles.realdata("conversation_58k_sample.json"));
             OpenDataset cc3m = new OpenDataset(TestFiles.realdata("llava_cc3m_pretrain_595k_chat_sample.json"))) {
            assertEquals(List.of(1), mix.search("has:no-image"));
            assertEquals(List.of(1), mix.search("id:=i6IyJda_0 turns=2"));
            assertEquals(List.of(0), mix.search("\"colors of the bus\" image:coco/"));
            assertEquals(List.of(0), complex.search("re:/\\bfrisbee\\b/ \"frisbee trick\""));
            assertEquals(List.of(0), conversation.search("\"in the image? <image>\" turns=6"), "<image> after the question");
            assertEquals(List.of(0, 1, 2), cc3m.search("id:GCC_train_ has:image -has:multi-image"));
        }
    }

    @Test
    void addedFieldsAreAskedPerRecord() throws Exception {
        QueryFields fields = QueryFields.standard().with("mark", value -> r -> r % 10 == 0);
        try (OpenDataset demo = new OpenDataset(TestFiles.demo())) {
            assertEquals(List.of(0, 10, 20), demo.search(Query.parse("mark:keep", fields)));
            assertEquals(List.of(0, 26), demo.search(Query.parse("mark:keep dog OR image:coco/train2017 dog", fields)));
        }
    }

    @Test
    void oneThreadAndManyFindTheSame() throws Exception {
        Path file = dir.resolve("many.json");
        RandomDataset.write(file, 3000, 7, RandomDataset.Layout.PRETTY);
        try (OpenDataset one = new OpenDataset(file, 1); OpenDataset four = new OpenDataset(file, 4)) {
            for (String q : new String[] {"dog", "\"red frisbee\"", "-the has:image", "turns>3 OR from:system"}) {
                List<Integer> expected = one.search(q);
                assertEquals(expected, four.search(q), q);
            }
        }
    }

    @Test
    void aGrowingIndexIsSearchedAsFarAsItGoesThenExtended() throws Exception {
        Path file = dir.resolve("growing.json");
        RandomDataset.write(file, 3000, 11, RandomDataset.Layout.JSONL);
        CountDownLatch reached = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ProblemIndex problems = new ProblemIndex();
        ExecutorService executor = Executors.newSingleThreadExecutor();
        DatasetIndex index = DatasetIndex.start(file, executor, TaskMonitor.NONE, problems, r -> {
            if (r.index() == 1500) {
                reached.countDown();
                await(release);
            }
        });
        try (QueryEngine engine = new QueryEngine(index, problems, null, 2)) {
            assertTrue(reached.await(10, TimeUnit.SECONDS));
            Query query = Query.parse("dog OR problem:any OR turns>4");
            QueryResult partial = engine.search(query, TaskMonitor.NONE);
            assertEquals(1501, partial.end(), "the records indexed and validated so far");
            release.countDown();
            index.awaitComplete();
            QueryResult extended = engine.extend(partial, TaskMonitor.NONE);
            assertEquals(3000, extended.end());
            assertArrayEquals(engine.search(query, TaskMonitor.NONE).records(), extended.records());
        } finally {
            release.countDown();
            index.close();
            executor.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aCancelledSearchStops() throws Exception {
        Path file = dir.resolve("cancel.json");
        RandomDataset.write(file, 5000, 3, RandomDataset.Layout.COMPACT);
        try (OpenDataset data = new OpenDataset(file)) {
            CancellableMonitor before = new CancellableMonitor();
            before.cancel();
            assertThrows(CancellationException.class, () -> data.engine.search(Query.parse("dog"), before));
            CancellableMonitor[] during = new CancellableMonitor[1];
            int[] progressCalls = new int[1];
            during[0] = new CancellableMonitor((done, total) -> {
                synchronized (progressCalls) {
                    progressCalls[0]++;
                }
                during[0].cancel();
            });
            assertThrows(CancellationException.class, () -> data.engine.search(Query.parse("\"no such phrase\""), during[0]));
            assertTrue(progressCalls[0] < 5, "stopped after the first blocks, not at the end: " + progressCalls[0]);
        }
    }

    @Test
    void aNewLiveSearchCancelsThePreviousOne() throws Exception {
        Path file = dir.resolve("live.json");
        RandomDataset.write(file, 5000, 5, RandomDataset.Layout.PRETTY);
        ExecutorService executor = Executors.newCachedThreadPool();
        try (OpenDataset data = new OpenDataset(file)) {
            LiveSearch live = new LiveSearch(data.engine, executor);
            CountDownLatch firstProgress = new CountDownLatch(1);
            CountDownLatch secondStarted = new CountDownLatch(1);
            var first = live.search(Query.parse("\"no such phrase\""), (done, total) -> {
                firstProgress.countDown();
                await(secondStarted);
            });
            assertTrue(firstProgress.await(10, TimeUnit.SECONDS));
            var second = live.search(Query.parse("dog"), (done, total) -> { });
            secondStarted.countDown();
            assertEquals(data.search("dog").size(), second.get(10, TimeUnit.SECONDS).count());
            Throwable failure = assertThrows(Exception.class, () -> first.get(10, TimeUnit.SECONDS));
            assertTrue(failure instanceof CancellationException || failure.getCause() instanceof CancellationException,
                    failure.toString());
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void resultsAppendAndLookUp() throws Exception {
        try (OpenDataset demo = new OpenDataset(TestFiles.demo())) {
            Query dog = Query.parse("dog");
            QueryResult head = demo.engine.search(dog, 0, 10, TaskMonitor.NONE);
            QueryResult all = head.append(demo.engine.search(dog, 10, 30, TaskMonitor.NONE));
            assertArrayEquals(new int[] {0, 1, 2, 26, 29}, all.records());
            assertEquals(3, all.rowOf(26));
            assertEquals(-1, all.rowOf(3));
            assertEquals(26, all.record(3));
            assertTrue(all.contains(29));
            assertEquals(5, all.toBitSet().cardinality());
            assertThrows(IllegalArgumentException.class, () -> head.append(head));
            assertThrows(IllegalStateException.class,
                    () -> new QueryEngine(demo.index, null, null, 1).search(Query.parse("problem:any"), TaskMonitor.NONE));
        }
    }
}
