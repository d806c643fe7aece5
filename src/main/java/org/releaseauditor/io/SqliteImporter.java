package org.releaseauditor.io;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.releaseauditor.core.error.DatasetFormatException;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.model.Column;
import org.releaseauditor.core.model.ColumnType;
import org.releaseauditor.core.model.Dataset;
import org.releaseauditor.core.model.ImportOptions;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a table, view or query result from an SQLite database file, opened read-only. Every value
 * is read as text and dictionary-encoded like CSV fields (SQL NULL is missing; missing and
 * suppression tokens apply too); types are inferred from the distinct values.
 */
public final class SqliteImporter {
    private static final Logger LOGGER = LoggerFactory.getLogger(SqliteImporter.class);
    private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    /** Names of the tables and views (without SQLite's internal tables), sorted. */
    public List<String> listTables(Path db) throws DatasetFormatException {
        try (Connection con = open(db)) {
            return tables(con);
        } catch (SQLException e) {
            throw failure(db, e);
        }
    }

    /** Reads a whole table or view. */
    public Dataset readTable(Path db, String table, ImportOptions opts, ProgressMonitor monitor)
            throws DatasetFormatException {
        try (Connection con = open(db)) {
            List<String> tables = tables(con);
            if (!tables.contains(table)) {
                throw new DatasetFormatException(db.toString(), 0, 0, "io.error.unknownTable", db.toString(), table,
                        tables.isEmpty() ? "-" : String.join(", ", tables));
            }
            String quoted = "\"" + table.replace("\"", "\"\"") + "\"";
            long total = -1;
            try (PreparedStatement ps = con.prepareStatement("SELECT count(*) FROM " + quoted);
                    ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    total = rs.getLong(1);
                }
            }
            return query(con, db, "SELECT * FROM " + quoted, table, total, opts, monitor);
        } catch (SQLException e) {
            throw failure(db, e);
        }
    }

    /** Reads the result of a (reading) SQL query. */
    public Dataset readQuery(Path db, String sql, ImportOptions opts, ProgressMonitor monitor)
            throws DatasetFormatException {
        try (Connection con = open(db)) {
            return query(con, db, sql, db.getFileName() + " (query)", -1, opts, monitor);
        } catch (SQLException e) {
            throw failure(db, e);
        }
    }

    private Dataset query(Connection con, Path db, String sql, String name, long total, ImportOptions opts,
            ProgressMonitor monitor) throws DatasetFormatException {
        PreparedStatement ps;
        try {
            ps = con.prepareStatement(sql);
        } catch (SQLException e) {
            throw new DatasetFormatException(e, db.toString(), 0, 0, "io.error.badSql", db.toString(),
                    String.valueOf(e.getMessage()));
        }
        String phase = Messages.get("io.progress.reading", name);
        try (ps; ResultSet rs = ps.executeQuery()) {
            ResultSetMetaData md = rs.getMetaData();
            int n = md.getColumnCount();
            List<String> names = new ArrayList<>(n);
            for (int c = 1; c <= n; c++) {
                String label = md.getColumnLabel(c);
                if (names.contains(label)) {
                    throw new DatasetFormatException(db.toString(), 0, c, "io.error.duplicateColumn", db.toString(), 0,
                            label, names.indexOf(label) + 1, c);
                }
                names.add(label);
            }
            Set<String> missing = opts.missingTokens();
            Set<String> suppressed = opts.suppressionMarkers();
            List<Map<String, Integer>> index = new ArrayList<>(n);
            List<List<String>> values = new ArrayList<>(n);
            int cap = total > 0 ? (int) Math.min(Integer.MAX_VALUE - 16, total) : 1024;
            int[][] codes = new int[n][cap];
            for (int c = 0; c < n; c++) {
                index.add(new HashMap<>());
                values.add(new ArrayList<>());
            }
            int row = 0;
            while (rs.next()) {
                if (row == cap) {
                    cap = (int) Math.min(Integer.MAX_VALUE - 16, cap + (long) (cap >> 1));
                    for (int c = 0; c < n; c++) {
                        codes[c] = java.util.Arrays.copyOf(codes[c], cap);
                    }
                }
                for (int c = 0; c < n; c++) {
                    String v = rs.getString(c + 1);
                    int code;
                    if (v == null || missing.contains(v)) {
                        code = Column.MISSING;
                    } else if (suppressed.contains(v)) {
                        code = Column.SUPPRESSED;
                    } else {
                        Integer known = index.get(c).get(v);
                        if (known == null) {
                            code = values.get(c).size();
                            values.get(c).add(v);
                            index.get(c).put(v, code);
                        } else {
                            code = known;
                        }
                    }
                    codes[c][row] = code;
                }
                row++;
                if (row % ProgressMonitor.CHECK_INTERVAL == 0) {
                    monitor.checkCancelled();
                    monitor.update(phase, row, total);
                }
            }
            ColumnTypes.checkOverrides(db.toString(), opts.typeOverrides(), names);
            List<Column> cols = new ArrayList<>(n);
            for (int c = 0; c < n; c++) {
                String[] dict = values.get(c).toArray(new String[0]);
                ColumnType type = ColumnTypes.resolve(db.toString(), c, names.get(c), dict,
                        opts.typeOverrides().get(names.get(c)));
                cols.add(new Column(names.get(c), type, dict, codes[c], row));
            }
            LOGGER.info("Read {} rows x {} columns from SQLite {}", row, n, db.getFileName());
            return new Dataset(name, cols);
        } catch (SQLException e) {
            throw new DatasetFormatException(e, db.toString(), 0, 0, "io.error.badSql", db.toString(),
                    String.valueOf(e.getMessage()));
        }
    }

    private static List<String> tables(Connection con) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = con.prepareStatement("SELECT name FROM sqlite_master WHERE type IN ('table','view')"
                + " AND name NOT LIKE 'sqlite_%' ORDER BY name");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** Opens the file read-only after checking that it exists and starts with the SQLite header. */
    private static Connection open(Path db) throws DatasetFormatException, SQLException {
        String name = db.toString();
        byte[] head = FileHead.read(db, MAGIC.length);
        if (!java.util.Arrays.equals(head, MAGIC)) {
            throw new DatasetFormatException(name, 0, 0, "io.error.notSqlite", name);
        }
        org.sqlite.SQLiteConfig cfg = new org.sqlite.SQLiteConfig();
        cfg.setReadOnly(true);
        return DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath(), cfg.toProperties());
    }

    private static DatasetFormatException failure(Path db, SQLException e) {
        return new DatasetFormatException(e, db.toString(), 0, 0, "io.error.sqlite", db.toString(),
                String.valueOf(e.getMessage()));
    }
}
