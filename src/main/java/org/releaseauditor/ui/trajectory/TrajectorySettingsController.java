package org.releaseauditor.ui.trajectory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.fxml.FXML;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.releaseauditor.core.error.AuditException;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.model.ImportOptions;
import org.releaseauditor.core.trajectory.AttackType;
import org.releaseauditor.ui.AppContext;
import org.releaseauditor.ui.trajectory.TrajectorySettingsViewModel.LocationMode;
import org.releaseauditor.ui.trajectory.TrajectorySettingsViewModel.SpatialKind;

/** The trajectory settings panel: binds controls to {@link TrajectorySettingsViewModel}. Thin. */
public final class TrajectorySettingsController {
    private final AppContext ctx;
    private final TrajectorySettingsViewModel vm = new TrajectorySettingsViewModel();
    /** Keeps the Integer views of int properties alive (bidirectional bindings are weak). */
    private final List<ObjectProperty<Integer>> keep = new ArrayList<>();

    @FXML private Label fileLabel;
    @FXML private ComboBox<String> userBox;
    @FXML private ComboBox<String> timeBox;
    @FXML private RadioButton locationRadio;
    @FXML private RadioButton coordinatesRadio;
    @FXML private ComboBox<String> locationBox;
    @FXML private ComboBox<String> latBox;
    @FXML private ComboBox<String> lngBox;
    @FXML private TextField timeFormatField;
    @FXML private TextField zoneField;
    @FXML private ComboBox<SpatialKind> spatialBox;
    @FXML private Label spatialDetailLabel;
    @FXML private javafx.scene.layout.StackPane spatialDetail;
    @FXML private Spinner<Integer> gridSpinner;
    @FXML private Spinner<Integer> geohashSpinner;
    @FXML private HBox mapBox;
    @FXML private Label mapLabel;
    @FXML private TextField temporalField;
    @FXML private Spinner<Integer> minPointsSpinner;
    @FXML private Spinner<Integer> maxPointsSpinner;
    @FXML private Spinner<Integer> sampleSpinner;
    @FXML private Spinner<Integer> seedSpinner;
    @FXML private VBox attacksBox;
    @FXML private ListView<TrajectorySettingsViewModel.AttributeChoice> attributesList;
    @FXML private TextField sweepSpatialField;
    @FXML private TextField sweepTemporalField;
    @FXML private Spinner<Integer> sweepPointsSpinner;
    @FXML private CheckBox homeWorkBox;
    @FXML private Spinner<Integer> nightFromSpinner;
    @FXML private Spinner<Integer> nightToSpinner;
    @FXML private Spinner<Integer> dayFromSpinner;
    @FXML private Spinner<Integer> dayToSpinner;
    @FXML private Spinner<Integer> topNSpinner;
    @FXML private Label validationLabel;

    public TrajectorySettingsController(AppContext ctx) {
        this.ctx = ctx;
    }

    public TrajectorySettingsViewModel viewModel() {
        return vm;
    }

    @FXML
    private void initialize() {
        vm.fileProperty().addListener((o, a, b) -> fileLabel.setText(b == null ? "" : b.getFileName().toString()));
        fileLabel.setText(Messages.get("uitraj.settings.noFile"));
        for (ComboBox<String> box : List.of(userBox, timeBox, locationBox, latBox, lngBox)) {
            box.setItems(vm.columns());
        }
        userBox.valueProperty().bindBidirectional(vm.userProperty());
        timeBox.valueProperty().bindBidirectional(vm.timeProperty());
        locationBox.valueProperty().bindBidirectional(vm.locationProperty());
        latBox.valueProperty().bindBidirectional(vm.latProperty());
        lngBox.valueProperty().bindBidirectional(vm.lngProperty());
        ToggleGroup mode = new ToggleGroup();
        locationRadio.setToggleGroup(mode);
        coordinatesRadio.setToggleGroup(mode);
        syncMode(vm.locationModeProperty().get());
        vm.locationModeProperty().addListener((o, a, b) -> syncMode(b));
        mode.selectedToggleProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.locationModeProperty().set(b == coordinatesRadio ? LocationMode.COORDINATES : LocationMode.LOCATION);
            }
        });
        timeFormatField.textProperty().bindBidirectional(vm.timeFormatProperty());
        zoneField.textProperty().bindBidirectional(vm.zoneProperty());
        spatialBox.getItems().setAll(SpatialKind.values());
        spatialBox.valueProperty().bindBidirectional(vm.spatialKindProperty());
        spatialBox.valueProperty().addListener((o, a, b) -> syncSpatial(b));
        syncSpatial(vm.spatialKindProperty().get());
        spin(gridSpinner, vm.gridMetresProperty(), 1, 1_000_000, 100);
        spin(geohashSpinner, vm.geohashPrecisionProperty(), 1, 12, 1);
        vm.mapFileProperty().addListener((o, a, b) -> mapLabel.setText(b == null ? "" : b.getFileName().toString()));
        text(temporalField, vm.temporalProperty());
        spin(minPointsSpinner, vm.minPointsProperty(), 1, 1000, 1);
        spin(maxPointsSpinner, vm.maxPointsProperty(), 1, 1000, 1);
        spin(sampleSpinner, vm.sampleUsersProperty(), 0, 100_000_000, 100);
        spin(seedSpinner, vm.seedProperty(), 0, Integer.MAX_VALUE, 1);
        for (TrajectorySettingsViewModel.AttackChoice c : vm.attackChoices()) {
            CheckBox box = new CheckBox(c.type().id());
            box.setId("attack-" + c.type().id());
            box.selectedProperty().bindBidirectional(c.selectedProperty());
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            HBox row = new HBox(6, box, gap);
            row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            if (c.type() != AttackType.HOME_WORK) {
                Spinner<Integer> k = new Spinner<>();
                k.setEditable(true);
                k.setPrefWidth(65);
                spin(k, c.kProperty(), 1, 20, 1);
                k.disableProperty().bind(box.selectedProperty().not());
                row.getChildren().addAll(new Label("k"), k);
            }
            attacksBox.getChildren().add(row);
        }
        attributesList.setItems(vm.attributes());
        attributesList.setCellFactory(CheckBoxListCell.forListView(
                TrajectorySettingsViewModel.AttributeChoice::selectedProperty));
        text(sweepSpatialField, vm.sweepSpatialProperty());
        text(sweepTemporalField, vm.sweepTemporalProperty());
        spin(sweepPointsSpinner, vm.sweepPointsProperty(), 1, 1000, 1);
        homeWorkBox.selectedProperty().bindBidirectional(vm.homeWorkOnProperty());
        for (Spinner<Integer> s : List.of(nightFromSpinner, nightToSpinner, dayFromSpinner, dayToSpinner)) {
            s.disableProperty().bind(homeWorkBox.selectedProperty().not());
        }
        spin(nightFromSpinner, vm.nightFromProperty(), 0, 24, 1);
        spin(nightToSpinner, vm.nightToProperty(), 0, 24, 1);
        spin(dayFromSpinner, vm.dayFromProperty(), 0, 24, 1);
        spin(dayToSpinner, vm.dayToProperty(), 0, 24, 1);
        spin(topNSpinner, vm.topNProperty(), 0, 20, 1);
        validationLabel.textProperty().bind(vm.validationProperty());
    }

    private void syncMode(LocationMode m) {
        boolean coords = m == LocationMode.COORDINATES;
        (coords ? coordinatesRadio : locationRadio).setSelected(true);
        locationBox.setDisable(coords);
        latBox.setDisable(!coords);
        lngBox.setDisable(!coords);
    }

    private void syncSpatial(SpatialKind k) {
        gridSpinner.setVisible(k == SpatialKind.GRID);
        geohashSpinner.setVisible(k == SpatialKind.GEOHASH);
        mapBox.setVisible(k == SpatialKind.MAP);
        boolean detail = k != null && k != SpatialKind.NONE;
        for (javafx.scene.Node n : List.of(spatialDetailLabel, spatialDetail)) {
            n.setManaged(detail);
            n.setVisible(detail);
        }
        spatialDetailLabel.setText(switch (k == null ? SpatialKind.NONE : k) {
            case GRID -> Messages.get("uitraj.settings.gridMetres");
            case GEOHASH -> Messages.get("uitraj.settings.geohash");
            case MAP -> Messages.get("uitraj.settings.mapFile");
            case NONE -> "";
        });
    }

    private static void text(TextField f, StringProperty p) {
        f.textProperty().bindBidirectional(p);
    }

    private void spin(Spinner<Integer> s, IntegerProperty p, int min, int max, int step) {
        SpinnerValueFactory.IntegerSpinnerValueFactory f =
                new SpinnerValueFactory.IntegerSpinnerValueFactory(min, max, p.get(), step);
        s.setValueFactory(f);
        ObjectProperty<Integer> boxed = p.asObject();
        keep.add(boxed);
        f.valueProperty().bindBidirectional(boxed);
        // commit typed text on focus loss; text that is no number falls back to the current value
        s.focusedProperty().addListener((o, a, focused) -> {
            if (!focused) {
                try {
                    s.commitValue();
                } catch (RuntimeException e) {
                    s.getEditor().setText(String.valueOf(s.getValue()));
                }
            }
        });
    }

    /** Reads the file's header (sniff) and offers its columns; then selects the file. */
    public void open(Path file) {
        try {
            vm.setColumns(ctx.datasetService().sniff(file, ImportOptions.defaults()).columnNames());
            vm.fileProperty().set(file);
        } catch (AuditException e) {
            ctx.dialogs().showError(Messages.get("uitraj.settings.chooseFile"), e.getLocalizedMessage(), null);
        }
    }

    @FXML
    private void chooseFile() {
        ctx.dialogs().chooseFileToOpen(Messages.get("uitraj.settings.chooseFile"),
                ctx.preferences().lastFolder().orElse(null), List.of("CSV/TSV|*.csv;*.tsv;*.txt"))
                .ifPresent(this::open);
    }

    @FXML
    private void chooseMap() {
        ctx.dialogs().chooseFileToOpen(Messages.get("uitraj.settings.chooseMap"), null, List.of("CSV|*.csv;*.txt"))
                .ifPresent(p -> vm.mapFileProperty().set(p));
    }
}
