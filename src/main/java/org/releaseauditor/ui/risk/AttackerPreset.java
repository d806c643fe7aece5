package org.releaseauditor.ui.risk;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A described attacker: which attacker model, which attributes they typically know (as name
 * patterns matched against the dataset's columns; null keeps the current selection), and the risk
 * threshold the preset suggests.
 */
public record AttackerPreset(String id, String nameKey, String descriptionKey, AttackerType attacker,
        Pattern knownColumns, double threshold) {

    /** The built-in presets, in menu order. */
    public static List<AttackerPreset> builtIn() {
        return List.of(
                new AttackerPreset("prosecutor", "preset.prosecutor", "preset.prosecutor.desc",
                        AttackerType.PROSECUTOR, null, 0.2),
                new AttackerPreset("neighbour", "preset.neighbour", "preset.neighbour.desc",
                        AttackerType.PROSECUTOR,
                        Pattern.compile("(?i).*(age|alter|sex|gender|geschlecht|district|bezirk|zip|postcode|plz|home).*"),
                        0.2),
                new AttackerPreset("journalist", "preset.journalist", "preset.journalist.desc",
                        AttackerType.JOURNALIST, null, 0.2),
                new AttackerPreset("marketer", "preset.marketer", "preset.marketer.desc",
                        AttackerType.MARKETER, null, 0.2),
                new AttackerPreset("clinical", "preset.clinical", "preset.clinical.desc",
                        AttackerType.PROSECUTOR, null, 0.09),
                new AttackerPreset("custom", "preset.custom", "preset.custom.desc", null, null, Double.NaN));
    }
}
