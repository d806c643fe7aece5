package org.releaseauditor.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

/** The desktop application (placeholder window until the main window lands). */
public class AuditorApp extends Application {

    public static void main(String[] args) {
        launch(AuditorApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        stage.setTitle("Release Auditor");
        stage.setScene(new Scene(new BorderPane(new Label("Release Auditor")), 1200, 800));
        stage.show();
    }
}
