package org.llavainspector.ui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The main window's title names the open files: two at most, then how many more. */
class WindowTitleTest {
    @Test
    void namesUpToTwoFilesThenCountsTheRest() {
        assertEquals("LLaVA Inspector", MainViewModel.titleOf(List.of()));
        assertEquals("chat.json — LLaVA Inspector", MainViewModel.titleOf(List.of("chat.json")));
        assertEquals("chat.json, blip_laion_cc_sbu_558k.json — LLaVA Inspector",
                MainViewModel.titleOf(List.of("chat.json", "blip_laion_cc_sbu_558k.json")));
        assertEquals("a.json, b.jsonl + 2 more — LLaVA Inspector",
                MainViewModel.titleOf(List.of("a.json", "b.jsonl", "c.json", "d.json")));
    }
}
