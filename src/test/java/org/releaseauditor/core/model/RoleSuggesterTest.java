package org.releaseauditor.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.releaseauditor.core.i18n.Messages;

class RoleSuggesterTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(textBlock = """
            zip,             QUASI_IDENTIFIER
            home_postcode,   QUASI_IDENTIFIER
            PLZ,             QUASI_IDENTIFIER
            age,             QUASI_IDENTIFIER
            dateOfBirth,     QUASI_IDENTIFIER
            Geschlecht,      QUASI_IDENTIFIER
            nationality,     QUASI_IDENTIFIER
            home_district,   QUASI_IDENTIFIER
            first_name,      IDENTIFIER
            email,           IDENTIFIER
            phone_number,    IDENTIFIER
            ssn,             IDENTIFIER
            customerId,      IDENTIFIER
            weight,          WEIGHT
            wgt,             WEIGHT
            Gewicht,         WEIGHT
            household,       HOUSEHOLD
            hh_id,           HOUSEHOLD
            diagnosis,       SENSITIVE
            salary-class,    SENSITIVE
            income,          SENSITIVE
            pseudonym,       PSEUDONYM
            uid,             PSEUDONYM
            user,            PSEUDONYM
            timestamp,       TIMESTAMP
            event_time,      TIMESTAMP
            cell_id,         LOCATION
            lat,             LOCATION
            lon,             LOCATION
            count,           COUNT
            n,               COUNT
            page,            INSENSITIVE
            tariff,          INSENSITIVE
            """)
    void suggestsRolesFromColumnNames(String name, AttributeRole expected) {
        RoleSuggestion s = RoleSuggester.suggest(name, ColumnType.CATEGORICAL, 2, 100);
        assertEquals(expected, s.role());
        assertEquals(name, s.reasonArgs().get(0));
        assertTrue(Messages.has(s.reasonKey()), s.reasonKey());
    }

    @Test
    void allUniqueValuesSuggestAnIdentifier() {
        ColumnBuilder unique = new ColumnBuilder("code");
        ColumnBuilder repeated = new ColumnBuilder("tariff");
        for (int i = 0; i < 20; i++) {
            unique.add("c" + i);
            repeated.add("t" + i % 3);
        }
        Dataset ds = new Dataset("t", List.of(unique.build(ColumnType.CATEGORICAL),
                repeated.build(ColumnType.CATEGORICAL)));
        List<RoleSuggestion> s = RoleSuggester.suggest(ds);
        assertEquals(AttributeRole.IDENTIFIER, s.get(0).role());
        assertEquals("io.role.reason.unique", s.get(0).reasonKey());
        assertEquals("All 20 values of 'code' are different: it probably identifies a record (identifier).",
                Messages.get(Locale.ENGLISH, s.get(0).reasonKey(), s.get(0).reasonArgs().toArray()));
        assertEquals(AttributeRole.INSENSITIVE, s.get(1).role());
    }

    @Test
    void fewRowsAreNotEnoughToCallAColumnUnique() {
        assertEquals(AttributeRole.INSENSITIVE, RoleSuggester.suggest("code", ColumnType.CATEGORICAL, 5, 5).role());
    }

    @Test
    void reasonsAreTranslated() {
        RoleSuggestion s = RoleSuggester.suggest("plz", ColumnType.INTEGER, 3, 50);
        String de = Messages.get(Locale.GERMAN, s.reasonKey(), s.reasonArgs().toArray());
        assertTrue(de.contains("Quasi-Identifikator") && de.contains("'plz'"), de);
    }
}
