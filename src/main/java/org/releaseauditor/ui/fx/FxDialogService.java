package org.releaseauditor.ui.fx;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.controlsfx.dialog.ExceptionDialog;
import org.releaseauditor.core.i18n.Messages;

/** The JavaFX dialog service: ControlsFX exception dialog with details collapsed. */
public final class FxDialogService implements DialogService {
    private final Supplier<Window> owner;
    private final Consumer<String> statusSink;

    public FxDialogService(Supplier<Window> owner, Consumer<String> statusSink) {
        this.owner = owner;
        this.statusSink = statusSink;
    }

    @Override
    public void showError(String title, String message, Throwable details) {
        if (details == null) {
            Alert a = new Alert(Alert.AlertType.ERROR, message, ButtonType.OK);
            a.setTitle(title);
            a.setHeaderText(title);
            a.initOwner(owner.get());
            a.getDialogPane().setId("errorDialog");
            DialogButtons.localise(a.getDialogPane());
            a.showAndWait();
            return;
        }
        ExceptionDialog d = new ExceptionDialog(details);
        d.setTitle(title);
        d.setHeaderText(message);
        d.initOwner(owner.get());
        d.getDialogPane().setId("errorDialog");
        DialogButtons.localise(d.getDialogPane());
        d.getDialogPane().setExpanded(false);
        d.showAndWait();
    }

    @Override
    public void showInfo(String title, String message) {
        Alert a = new Alert(Alert.AlertType.INFORMATION, message, ButtonType.OK);
        a.setTitle(title);
        a.setHeaderText(title);
        a.initOwner(owner.get());
        a.getDialogPane().setId("infoDialog");
        DialogButtons.localise(a.getDialogPane());
        a.showAndWait();
    }

    @Override
    public boolean confirm(String title, String message) {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, message, ButtonType.YES, ButtonType.NO);
        a.setTitle(title);
        a.setHeaderText(title);
        a.initOwner(owner.get());
        DialogButtons.localise(a.getDialogPane());
        return a.showAndWait().filter(b -> b == ButtonType.YES).isPresent();
    }

    @Override
    public Optional<String> choose(String title, String message, List<String> options) {
        if (options.isEmpty()) {
            return Optional.empty();
        }
        javafx.scene.control.ChoiceDialog<String> d = new javafx.scene.control.ChoiceDialog<>(options.get(0), options);
        d.setTitle(title);
        d.setHeaderText(message);
        d.initOwner(owner.get());
        d.getDialogPane().setId("choiceDialog");
        DialogButtons.localise(d.getDialogPane());
        return d.showAndWait();
    }

    @Override
    public void notify(String message) {
        statusSink.accept(message);
    }

    @Override
    public Optional<Path> chooseFileToOpen(String title, Path initialFolder, List<String> extensions) {
        FileChooser fc = chooser(title, initialFolder, extensions);
        File f = fc.showOpenDialog(owner.get());
        return Optional.ofNullable(f).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseFileToSave(String title, Path initialFolder, String initialName) {
        FileChooser fc = chooser(title, initialFolder, List.of());
        fc.setInitialFileName(initialName);
        File f = fc.showSaveDialog(owner.get());
        return Optional.ofNullable(f).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseFolder(String title, Path initialFolder) {
        javafx.stage.DirectoryChooser dc = new javafx.stage.DirectoryChooser();
        dc.setTitle(title);
        if (initialFolder != null && initialFolder.toFile().isDirectory()) {
            dc.setInitialDirectory(initialFolder.toFile());
        }
        return Optional.ofNullable(dc.showDialog(owner.get())).map(File::toPath);
    }

    private static FileChooser chooser(String title, Path initialFolder, List<String> extensions) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        if (initialFolder != null && initialFolder.toFile().isDirectory()) {
            fc.setInitialDirectory(initialFolder.toFile());
        }
        // each entry: "Description|*.csv;*.tsv"
        for (String e : extensions) {
            String[] parts = e.split("\\|", 2);
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(parts[0], parts[1].split(";")));
        }
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(Messages.get("ui.file.allFiles"), "*"));
        return fc;
    }
}
