package org.releaseauditor.ui.fx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.releaseauditor.core.i18n.Messages;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** A decimal spinner with {@link LocalNumberConverter#install}: German shows 0,95 and a typo keeps the value. */
@ExtendWith(ApplicationExtension.class)
class LocalNumberSpinnerTest {

    @AfterEach
    void reset() {
        Messages.setLocale(Locale.ENGLISH);
    }

    @Test
    void aGermanSpinnerShowsTheDecimalCommaAndKeepsItsValueOnATypo() throws Exception {
        Messages.setLocale(Locale.GERMAN);
        List<Object> seen = WaitForAsyncUtils.asyncFx(() -> {
            Spinner<Double> s = new Spinner<>();
            s.setEditable(true);
            s.setValueFactory(new SpinnerValueFactory.DoubleSpinnerValueFactory(0, 1, 0.95, 0.01));
            LocalNumberConverter.install(s);
            String shown = s.getEditor().getText();
            s.getEditor().setText("0.5");
            s.getEditor().fireEvent(new javafx.event.ActionEvent());
            Double typedPoint = s.getValue();
            String shownAfter = s.getEditor().getText();
            s.getEditor().setText("abc");
            s.getEditor().fireEvent(new javafx.event.ActionEvent());
            Double afterTypo = s.getValue();
            String shownAfterTypo = s.getEditor().getText();
            s.increment();
            return List.<Object>of(shown, typedPoint, shownAfter, afterTypo, shownAfterTypo, s.getEditor().getText());
        }).get(30, TimeUnit.SECONDS);
        assertEquals(List.of("0,95", 0.5, "0,5", 0.5, "0,5", "0,51"), seen);
    }
}
