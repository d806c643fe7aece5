package org.releaseauditor.core.error;

/**
 * Bad input data: the message names the file, and where known the 1-based line and column, what
 * was expected and what to do. It never contains the offending cell value of personal data
 * unless it is structural (a column name, a delimiter).
 */
public class DatasetFormatException extends AuditException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final long line;
    private final int column;

    /** @param line 1-based line, or 0 when not applicable; @param column 1-based column or 0 */
    public DatasetFormatException(String file, long line, int column, String messageKey, Object... args) {
        super(messageKey, args);
        this.file = file;
        this.line = line;
        this.column = column;
    }

    public DatasetFormatException(Throwable cause, String file, long line, int column, String messageKey,
            Object... args) {
        super(cause, messageKey, args);
        this.file = file;
        this.line = line;
        this.column = column;
    }

    public String file() {
        return file;
    }

    public long line() {
        return line;
    }

    public int column() {
        return column;
    }
}
