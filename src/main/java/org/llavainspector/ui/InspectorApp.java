package org.llavainspector.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The desktop inspector (placeholder window). */
public final class InspectorApp extends Application {
    public static void launchApp(String[] args) {
        Application.launch(InspectorApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        stage.setTitle("LLaVA Inspector");
        stage.setScene(new Scene(new Label("LLaVA Inspector"), 800, 600));
        stage.show();
    }
}
