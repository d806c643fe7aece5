package org.releaseauditor.audit.sqlite;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.releaseauditor.audit.LockWait;
import org.releaseauditor.core.error.AuditStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One writer per case file, whatever name it is reached by.
 *
 * <p>The identity of a case file is its canonical path ({@link Path#toRealPath}, so symbolic links
 * are resolved) together with its file key (device and inode on Unix). A case file with more than
 * one hard link is refused for writing: SQLite keeps its write-ahead log per <em>name</em>, so
 * two names of one file would give two logs and lost events.
 *
 * <p>A write holds two locks for the length of one transaction: a fair in-process lock per
 * identity (threads and several open stores of one JVM) and an exclusive OS lock on
 * {@code <canonical case>.lock} (other processes). A writer that finds the lock taken waits, reporting
 * progress, up to {@link LockWait#timeout()}, then gives up with "busy, try again". The lock
 * file is deleted by its holder before the lock is released, so none stays behind; a waiter that
 * then obtains the lock on the deleted file notices (the token it writes cannot be read back
 * through the path) and tries again on the new file.
 */
final class CaseFileLock {

    private static final Logger LOGGER = LoggerFactory.getLogger(CaseFileLock.class);
    private static final Map<String, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final long POLL_MILLIS = 40;

    /** The identity of a case file: canonical path, file key, number of hard links. */
    record Identity(Path canonical, Object fileKey, int links) {
        String key() {
            return fileKey == null ? canonical.toString() : fileKey + "|" + canonical;
        }
    }

    private CaseFileLock() {
    }

    /** Resolves the identity of an existing case file. */
    static Identity identify(Path given) throws AuditStoreException {
        Path abs = given.toAbsolutePath().normalize();
        try {
            Path real = abs.toRealPath();
            BasicFileAttributes a = Files.readAttributes(real, BasicFileAttributes.class);
            return new Identity(real, a.fileKey(), links(real));
        } catch (NoSuchFileException e) {
            throw new AuditStoreException(e, "audit.error.notFound", abs.toString());
        } catch (IOException e) {
            throw new AuditStoreException(e, "audit.error.unreadable", abs.toString(), String.valueOf(e.getMessage()));
        }
    }

    /** The number of hard links of a file (1 where the file system does not tell). */
    static int links(Path real) throws IOException {
        try {
            Object n = Files.getAttribute(real, "unix:nlink", LinkOption.NOFOLLOW_LINKS);
            return n instanceof Number num ? num.intValue() : 1;
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return 1;
        }
    }

    /** Refuses a case file that has more than one hard link. */
    static void requireSingleLink(Identity id) throws AuditStoreException {
        if (id.links() > 1) {
            throw new AuditStoreException("audit.error.hardLinks", id.canonical().toString(), id.links());
        }
    }

    /** The lock file of a case: {@code <case>.lock} next to the canonical file. */
    static Path lockFileOf(Path canonical) {
        return canonical.resolveSibling(canonical.getFileName() + ".lock");
    }

    /** A held write lock; {@link #close()} deletes the lock file and releases both locks. */
    static final class Held implements AutoCloseable {
        private final ReentrantLock inProcess;
        private final Path lockFile;
        private final FileChannel channel;
        private final FileLock lock;

        private Held(ReentrantLock inProcess, Path lockFile, FileChannel channel, FileLock lock) {
            this.inProcess = inProcess;
            this.lockFile = lockFile;
            this.channel = channel;
            this.lock = lock;
        }

        @Override
        public void close() {
            try {
                // delete while holding: a waiter on the deleted file sees it and retries on a new one
                Files.deleteIfExists(lockFile);
            } catch (IOException e) {
                LOGGER.debug("could not delete lock file {}", lockFile, e);
            }
            try {
                if (lock.isValid()) {
                    lock.release();
                }
            } catch (IOException e) {
                LOGGER.debug("releasing lock failed", e);
            }
            closeQuietly(channel);
            inProcess.unlock();
        }
    }

    /**
     * Takes the write lock of a case, waiting up to {@code wait.timeout()}; the listener hears
     * about the wait about every second. Before returning, the file is checked again: still the
     * same file at the canonical path, still one link.
     */
    static Held acquire(Identity id, LockWait wait) throws AuditStoreException {
        long start = System.nanoTime();
        long deadline = start + wait.timeout().toNanos();
        ReentrantLock mine = IN_PROCESS.computeIfAbsent(id.key(), k -> new ReentrantLock(true));
        String holder = ManagementFactory.getRuntimeMXBean().getName() + " (this process)";
        long lastReport = 0;
        try {
            while (!mine.tryLock(POLL_MILLIS * 5, TimeUnit.MILLISECONDS)) {
                lastReport = waitOrGiveUp(id, wait, holder, start, deadline, lastReport);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy(id, holder, start);
        }
        boolean ok = false;
        try {
            Path lockFile = lockFileOf(id.canonical());
            while (true) {
                FileChannel ch;
                try {
                    ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                            StandardOpenOption.WRITE);
                } catch (IOException e) {
                    throw new AuditStoreException(e, "audit.error.lockFile", lockFile.toString(),
                            String.valueOf(e.getMessage()));
                }
                FileLock l;
                try {
                    l = ch.tryLock();
                } catch (IOException | OverlappingFileLockException e) {
                    closeQuietly(ch);
                    throw new AuditStoreException(e, "audit.error.lockFile", lockFile.toString(),
                            String.valueOf(e.getMessage()));
                }
                if (l == null) {
                    holder = readHolder(ch);
                    closeQuietly(ch);
                    lastReport = waitOrGiveUp(id, wait, holder, start, deadline, lastReport);
                    continue;
                }
                if (!stamp(ch, lockFile)) {
                    // we locked a lock file that its previous holder had already deleted
                    releaseQuietly(l, ch);
                    continue;
                }
                Held held = new Held(mine, lockFile, ch, l);
                try {
                    recheck(id);
                } catch (AuditStoreException e) {
                    held.close();
                    ok = true; // close() unlocked the in-process lock already
                    throw e;
                }
                ok = true;
                return held;
            }
        } finally {
            if (!ok) {
                mine.unlock();
            }
        }
    }

    /** The file at the canonical path must still be the one we opened, with one link. */
    private static void recheck(Identity id) throws AuditStoreException {
        if (id.fileKey() == null && !Files.exists(id.canonical())) {
            return; // a case being created
        }
        Identity now = identify(id.canonical());
        if (!Objects.equals(now.fileKey(), id.fileKey())) {
            throw new AuditStoreException("audit.error.replaced", id.canonical().toString());
        }
        requireSingleLink(now);
    }

    private static long waitOrGiveUp(Identity id, LockWait wait, String holder, long start, long deadline,
            long lastReport) throws AuditStoreException {
        long now = System.nanoTime();
        if (now >= deadline) {
            LOGGER.info("Case {} busy: gave up after {} ms (holder {})", id.canonical().getFileName(),
                    (now - start) / 1_000_000, holder);
            throw busy(id, holder, start);
        }
        if (now - lastReport >= 1_000_000_000L || lastReport == 0) {
            wait.listener().waiting(holder, Duration.ofNanos(now - start), wait.timeout());
            lastReport = now;
        }
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy(id, holder, start);
        }
        return lastReport;
    }

    private static AuditStoreException busy(Identity id, String holder, long start) {
        long seconds = Math.max(0, (System.nanoTime() - start) / 1_000_000_000L);
        return new AuditStoreException("audit.error.busy", id.canonical().toString(), holder, seconds);
    }

    /** Writes a unique token into the locked file and reads it back through the path. */
    private static boolean stamp(FileChannel ch, Path lockFile) throws AuditStoreException {
        byte[] nonce = new byte[8];
        RANDOM.nextBytes(nonce);
        String me = ManagementFactory.getRuntimeMXBean().getName() + " since "
                + DateTimeFormatter.ISO_INSTANT.format(Instant.now().truncatedTo(ChronoUnit.SECONDS)) + " #"
                + HexFormat.of().formatHex(nonce);
        byte[] bytes = me.getBytes(StandardCharsets.UTF_8);
        try {
            ch.truncate(0);
            ch.write(ByteBuffer.wrap(bytes), 0);
            byte[] back = Files.readAllBytes(lockFile);
            return java.util.Arrays.equals(bytes, back);
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            throw new AuditStoreException(e, "audit.error.lockFile", lockFile.toString(),
                    String.valueOf(e.getMessage()));
        }
    }

    /** Who holds a lock, as written in its lock file (without the token). */
    private static String readHolder(FileChannel ch) {
        try {
            ByteBuffer buf = ByteBuffer.allocate(512);
            int n = ch.read(buf, 0);
            String s = n <= 0 ? "?" : new String(buf.array(), 0, n, StandardCharsets.UTF_8).trim();
            int hash = s.lastIndexOf(" #");
            return hash > 0 ? s.substring(0, hash) : s;
        } catch (IOException e) {
            return "?";
        }
    }

    private static void releaseQuietly(FileLock l, FileChannel ch) {
        try {
            l.release();
        } catch (IOException e) {
            LOGGER.debug("releasing lock failed", e);
        }
        closeQuietly(ch);
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) { // NOPMD - best effort clean-up
            LOGGER.debug("close failed", e);
        }
    }
}
