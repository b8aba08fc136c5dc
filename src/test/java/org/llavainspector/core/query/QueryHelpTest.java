package org.llavainspector.core.query;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.llavainspector.core.validate.ProblemKind;

class QueryHelpTest {
    @Test
    void theHelpNamesEveryFieldAndProblemKind() {
        String help = QueryHelp.markdown();
        for (String field : QueryFields.BUILT_IN) {
            assertTrue(help.contains("`" + field + ":") || help.contains("`" + field + ">"), field);
        }
        for (ProblemKind kind : ProblemKind.values()) {
            assertTrue(help.contains(kind.kind()), kind.kind());
        }
    }

    @Test
    void everyExampleInTheHelpParses() throws Exception {
        for (String example : new String[] {"dog frisbee", "\"red frisbee\"", "-dog", "-\"the dog\"", "id:0000319",
            "id:=000000319154", "image:coco/train2017", "from:system", "turns>8", "has:image", "has:no-image",
            "has:multi-image", "re:/\\bfrisbees?\\b/", "problem:first-turn-not-human", "problem:any", "cat OR dog",
            "(cat OR dog) -has:image", "\"12:30\"", "\"-\""}) {
            Query.parse(example);
        }
    }
}
