package org.releaseauditor.ui.trajectory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.trajectory.AttackType;
import org.releaseauditor.core.trajectory.HomeWork;
import org.releaseauditor.service.LaneCall;
import org.releaseauditor.service.trajectories.TrajectoriesRequest;

/**
 * The trajectory settings panel's state (no nodes): the event file and its columns, resolutions,
 * points, sampling, attacks, sweep and home/work hours. {@link #toRequest()} builds the lane's
 * {@link TrajectoriesRequest} (its builder holds the defaults the panel starts from and checks every
 * value) or explains in {@link #validationProperty()} what is wrong.
 */
public final class TrajectorySettingsViewModel {
    /** The lane's defaults: the panel starts from them. */
    private static final TrajectoriesRequest LANE_DEFAULTS = TrajectoriesRequest.defaults();
    /** The default night and work hours (shown even while home/work sets are off). */
    private static final HomeWork START_HOURS = LANE_DEFAULTS.homeWork();

    /** Whether places are a location-id column or a latitude/longitude pair. */
    public enum LocationMode { LOCATION, COORDINATES }

    /** How locations are generalised. */
    public enum SpatialKind {
        NONE, GRID, GEOHASH, MAP;

        String key() {
            return "uitraj.spatial." + name().toLowerCase(Locale.ROOT);
        }

        @Override
        public String toString() {
            return Messages.get(key());
        }
    }

    /** One attack checkbox with its k. */
    public static final class AttackChoice {
        private final AttackType type;
        private final BooleanProperty selected = new SimpleBooleanProperty(false);
        private final IntegerProperty k = new SimpleIntegerProperty(2);

        AttackChoice(AttackType type) {
            this.type = type;
        }

        public AttackType type() {
            return type;
        }

        public BooleanProperty selectedProperty() {
            return selected;
        }

        public IntegerProperty kProperty() {
            return k;
        }
    }

    /** One column the attacker may also know (per-person attribute). */
    public static final class AttributeChoice {
        private final String column;
        private final BooleanProperty selected = new SimpleBooleanProperty(false);

        AttributeChoice(String column) {
            this.column = column;
        }

        public String column() {
            return column;
        }

        public BooleanProperty selectedProperty() {
            return selected;
        }

        @Override
        public String toString() {
            return column;
        }
    }

    private final ObjectProperty<Path> file = new SimpleObjectProperty<>();
    private final ObservableList<String> columns = FXCollections.observableArrayList();
    private final ObjectProperty<LocationMode> locationMode = new SimpleObjectProperty<>(LocationMode.LOCATION);
    private final StringProperty user = new SimpleStringProperty();
    private final StringProperty time = new SimpleStringProperty();
    private final StringProperty location = new SimpleStringProperty();
    private final StringProperty lat = new SimpleStringProperty();
    private final StringProperty lng = new SimpleStringProperty();
    private final StringProperty timeFormat = new SimpleStringProperty(LANE_DEFAULTS.timeFormat());
    private final StringProperty zone = new SimpleStringProperty(LANE_DEFAULTS.zone());
    private final ObjectProperty<SpatialKind> spatialKind = new SimpleObjectProperty<>(SpatialKind.NONE);
    private final IntegerProperty gridMetres = new SimpleIntegerProperty(500);
    private final IntegerProperty geohashPrecision = new SimpleIntegerProperty(6);
    private final ObjectProperty<Path> mapFile = new SimpleObjectProperty<>();
    private final StringProperty temporal = new SimpleStringProperty(LANE_DEFAULTS.temporal());
    private final IntegerProperty minPoints = new SimpleIntegerProperty(LANE_DEFAULTS.minPoints());
    private final IntegerProperty maxPoints = new SimpleIntegerProperty(LANE_DEFAULTS.maxPoints());
    private final IntegerProperty sampleUsers = new SimpleIntegerProperty(LANE_DEFAULTS.sampleUsers());
    private final IntegerProperty seed = new SimpleIntegerProperty((int) LANE_DEFAULTS.seed());
    private final Map<AttackType, AttackChoice> attacks = new EnumMap<>(AttackType.class);
    private final ObservableList<AttackChoice> attackChoices = FXCollections.observableArrayList();
    private final ObservableList<AttributeChoice> attributes = FXCollections.observableArrayList();
    private final StringProperty sweepSpatial = new SimpleStringProperty("");
    private final StringProperty sweepTemporal = new SimpleStringProperty("");
    private final IntegerProperty sweepPoints = new SimpleIntegerProperty(LANE_DEFAULTS.sweepPoints());
    private final BooleanProperty homeWorkOn = new SimpleBooleanProperty(LANE_DEFAULTS.homeWork() != null);
    private final IntegerProperty nightFrom = new SimpleIntegerProperty(START_HOURS.nightStart());
    private final IntegerProperty nightTo = new SimpleIntegerProperty(START_HOURS.nightEnd());
    private final IntegerProperty dayFrom = new SimpleIntegerProperty(START_HOURS.dayStart());
    private final IntegerProperty dayTo = new SimpleIntegerProperty(START_HOURS.dayEnd());
    private final IntegerProperty topN = new SimpleIntegerProperty(LANE_DEFAULTS.topN());
    private final ReadOnlyStringWrapper validation = new ReadOnlyStringWrapper("");
    /** Bumped when the attribute choices change, so that one observable covers them all. */
    private final IntegerProperty attributeRevision = new SimpleIntegerProperty(0);

    public TrajectorySettingsViewModel() {
        for (AttackType t : AttackType.values()) {
            AttackChoice c = new AttackChoice(t);
            attacks.put(t, c);
            attackChoices.add(c);
        }
    }

    /** Every property whose change should re-run the analysis. */
    public List<Observable> triggers() {
        List<Observable> out = new ArrayList<>(List.of(file, locationMode, user, time, location, lat, lng,
                timeFormat, zone, spatialKind, gridMetres, geohashPrecision, mapFile, temporal, minPoints, maxPoints,
                sampleUsers, seed, sweepSpatial, sweepTemporal, sweepPoints, homeWorkOn, nightFrom, nightTo, dayFrom,
                dayTo, topN, attributeRevision));
        for (AttackChoice c : attackChoices) {
            out.add(c.selected);
            out.add(c.k);
        }
        return out;
    }

    /**
     * Offers the file's header as column choices and guesses user, time, location and coordinate
     * columns by name; the remaining columns become attribute choices.
     */
    public void setColumns(List<String> names) {
        columns.setAll(names);
        user.set(guess(names, "pseudonym", "user", "uid", "id"));
        time.set(guess(names, "timestamp", "time", "datetime", "date"));
        location.set(guess(names, "cell", "location", "place", "area", "tower"));
        lat.set(guess(names, "lat", "latitude"));
        lng.set(guess(names, "lng", "lon", "longitude", "long"));
        locationMode.set(location.get() == null && lat.get() != null && lng.get() != null ? LocationMode.COORDINATES
                : LocationMode.LOCATION);
        List<AttributeChoice> attrs = new ArrayList<>();
        for (String n : names) {
            if (!Arrays.asList(user.get(), time.get(), location.get(), lat.get(), lng.get()).contains(n)) {
                AttributeChoice a = new AttributeChoice(n);
                a.selected.addListener(o -> attributeRevision.set(attributeRevision.get() + 1));
                attrs.add(a);
            }
        }
        attributes.setAll(attrs);
        attributeRevision.set(attributeRevision.get() + 1);
    }

    static String guess(List<String> names, String... candidates) {
        for (String c : candidates) {
            for (String n : names) {
                if (n.trim().equalsIgnoreCase(c)) {
                    return n;
                }
            }
        }
        return null;
    }

    /** The spatial spec of the settings ({@code none}, {@code grid:500m}, {@code geohash:6}, {@code map:FILE}). */
    public String spatialSpec() {
        return switch (spatialKind.get()) {
            case NONE -> "none";
            case GRID -> "grid:" + gridMetres.get() + "m";
            case GEOHASH -> "geohash:" + geohashPrecision.get();
            case MAP -> mapFile.get() == null ? null : "map:" + mapFile.get();
        };
    }

    /** The request, with the validation message cleared; or empty with the message set. */
    public Optional<LaneCall<TrajectoriesRequest>> validate() {
        try {
            LaneCall<TrajectoriesRequest> r = toRequest();
            validation.set("");
            return Optional.of(r);
        } catch (ConfigurationException e) {
            validation.set(e.getLocalizedMessage());
            return Optional.empty();
        }
    }

    /**
     * The lane request of the settings and where its inputs are ({@code events}, and
     * {@code areaMap} for a mapping file). The panel checks only that its choices are made; every
     * value and range is checked by the request's builder, as for the command line.
     */
    public LaneCall<TrajectoriesRequest> toRequest() throws ConfigurationException {
        if (file.get() == null) {
            throw new ConfigurationException("uitraj.error.noFile");
        }
        if (blank(user.get()) || blank(time.get())) {
            throw new ConfigurationException("uitraj.error.noUserTime");
        }
        boolean coords = locationMode.get() == LocationMode.COORDINATES;
        if (coords ? blank(lat.get()) || blank(lng.get()) : blank(location.get())) {
            throw new ConfigurationException("uitraj.error.noLocation");
        }
        if (spatialKind.get() == SpatialKind.MAP && mapFile.get() == null) {
            throw new ConfigurationException("uitraj.error.noMapFile");
        }
        // with location ids, coordinate columns (when the file has them) place the ids on the area map
        boolean both = !blank(lat.get()) && !blank(lng.get());
        List<String> attrs = attributes.stream().filter(a -> a.selected.get()).map(AttributeChoice::column).toList();
        TrajectoriesRequest.Builder b = TrajectoriesRequest.builder().events(file.get().toString())
                .user(user.get()).time(time.get()).location(coords ? "" : location.get())
                .lat(coords || both ? lat.get() : "").lng(coords || both ? lng.get() : "").attributes(attrs)
                .timeFormat(timeFormat.get()).zone(zone.get() == null ? "" : zone.get()).spatial(spatialSpec())
                .temporal(temporal.get()).points(minPoints.get(), maxPoints.get()).sampleUsers(sampleUsers.get())
                .seed((long) seed.get()).sweepSpatial(list(sweepSpatial.get())).sweepTemporal(list(sweepTemporal.get()))
                .sweepPoints(sweepPoints.get()).topN(topN.get());
        for (AttackChoice c : attackChoices) {
            if (c.selected.get()) {
                b.attack(c.type, c.k.get());
            }
        }
        if (homeWorkOn.get()) {
            b.homeWork(nightFrom.get(), nightTo.get(), dayFrom.get(), dayTo.get());
        } else {
            b.homeWorkOff();
        }
        return b.buildCall();
    }

    /** Comma-separated list → trimmed non-empty entries. */
    static List<String> list(String s) {
        if (s == null) {
            return List.of();
        }
        return Arrays.stream(s.split(",")).map(String::trim).filter(v -> !v.isEmpty()).toList();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** The attack choice of a type. */
    public AttackChoice attack(AttackType type) {
        return attacks.get(type);
    }

    public ObservableList<AttackChoice> attackChoices() {
        return attackChoices;
    }

    public ObservableList<AttributeChoice> attributes() {
        return attributes;
    }

    public ObservableList<String> columns() {
        return columns;
    }

    public ObjectProperty<Path> fileProperty() {
        return file;
    }

    public ObjectProperty<LocationMode> locationModeProperty() {
        return locationMode;
    }

    public StringProperty userProperty() {
        return user;
    }

    public StringProperty timeProperty() {
        return time;
    }

    public StringProperty locationProperty() {
        return location;
    }

    public StringProperty latProperty() {
        return lat;
    }

    public StringProperty lngProperty() {
        return lng;
    }

    public StringProperty timeFormatProperty() {
        return timeFormat;
    }

    public StringProperty zoneProperty() {
        return zone;
    }

    public ObjectProperty<SpatialKind> spatialKindProperty() {
        return spatialKind;
    }

    public IntegerProperty gridMetresProperty() {
        return gridMetres;
    }

    public IntegerProperty geohashPrecisionProperty() {
        return geohashPrecision;
    }

    public ObjectProperty<Path> mapFileProperty() {
        return mapFile;
    }

    public StringProperty temporalProperty() {
        return temporal;
    }

    public IntegerProperty minPointsProperty() {
        return minPoints;
    }

    public IntegerProperty maxPointsProperty() {
        return maxPoints;
    }

    public IntegerProperty sampleUsersProperty() {
        return sampleUsers;
    }

    public IntegerProperty seedProperty() {
        return seed;
    }

    public StringProperty sweepSpatialProperty() {
        return sweepSpatial;
    }

    public StringProperty sweepTemporalProperty() {
        return sweepTemporal;
    }

    public IntegerProperty sweepPointsProperty() {
        return sweepPoints;
    }

    public BooleanProperty homeWorkOnProperty() {
        return homeWorkOn;
    }

    public IntegerProperty nightFromProperty() {
        return nightFrom;
    }

    public IntegerProperty nightToProperty() {
        return nightTo;
    }

    public IntegerProperty dayFromProperty() {
        return dayFrom;
    }

    public IntegerProperty dayToProperty() {
        return dayTo;
    }

    public IntegerProperty topNProperty() {
        return topN;
    }

    public ReadOnlyStringProperty validationProperty() {
        return validation.getReadOnlyProperty();
    }
}
