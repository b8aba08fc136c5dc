package org.llavainspector.ui.prefs;

import javafx.scene.control.Alert;
import javafx.scene.control.TextArea;

/** Version, licences of the bundled data, and where the preferences and sessions live. */
public final class AboutDialog extends Alert {
    public AboutDialog(String version, String preferencesFile, String sessionsFolder) {
        super(AlertType.INFORMATION);
        setTitle("About LLaVA Inspector");
        setHeaderText("LLaVA Inspector " + version);
        TextArea text = new TextArea(String.join("\n",
                "Browse, check and curate LLaVA-style visual-instruction datasets.",
                "",
                "Bundled demo dataset (samples/): 30 samples written for this app (CC-BY-4.0, like LLaVA-Instruct),",
                "a few real LLaVA records (LLaVA-Instruct-150K: CC-BY-4.0, and OpenAI's terms of use), and photos under",
                "free licences: scikit-learn (CC BY 2.0), scikit-image (CC0 / public domain, NASA, SpaceX), matplotlib",
                "(U.S. Navy, public domain), COCO (Flickr licences) and LLaVA's demo photos. Every file's source and",
                "licence: samples/ATTRIBUTION.md. LLaVA's GPT-4 prompt files: Apache-2.0 (haotian-liu/LLaVA).",
                "",
                "Libraries: OpenJFX, ControlsFX, Ikonli, Jackson, Caffeine, picocli.",
                "",
                "Preferences: " + preferencesFile,
                "Curation sessions: beside each dataset, or in " + sessionsFolder));
        text.setEditable(false);
        text.setWrapText(true);
        text.setPrefSize(640, 280);
        text.setId("about-text");
        getDialogPane().setContent(text);
    }
}
