package com.qingke.identity;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransactionRollbackException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.hibernate.StaleStateException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.LockAcquisitionException;
import org.jboss.logging.Logger;

/**
 * Runs a unit of work in a transaction of its own and runs it again when it lost a race: a unique-index violation
 * (someone else inserted the same identifier first), a deadlock or lock timeout, or a stale optimistic version. The
 * rerun starts a fresh transaction, so it sees what the winner committed. The work must therefore be idempotent,
 * which identity resolution is by construction.
 */
public final class TransientRetry {
    private static final Logger LOG = Logger.getLogger(TransientRetry.class);
    public static final int DEFAULT_ATTEMPTS = 5;

    private TransientRetry() {
    }

    public static <T> T inNewTransaction(Supplier<T> work) {
        return inNewTransaction(work, DEFAULT_ATTEMPTS);
    }

    public static <T> T inNewTransaction(Supplier<T> work, int attempts) {
        RuntimeException last = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(work::get);
            } catch (RuntimeException e) {
                if (!isTransient(e) || attempt == attempts) {
                    throw e;
                }
                last = e;
                LOG.debugf("Transient failure on attempt %d (%s), running again", attempt, rootMessage(e));
                pause(attempt);
            }
        }
        throw last;
    }

    /** Whether the failure is one a rerun in a new transaction can cure. */
    public static boolean isTransient(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConstraintViolationException || t instanceof LockAcquisitionException
                    || t instanceof OptimisticLockException || t instanceof PessimisticLockException
                    || t instanceof StaleStateException || t instanceof SQLIntegrityConstraintViolationException
                    || t instanceof SQLTransactionRollbackException
                    || t instanceof org.hibernate.PessimisticLockException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("23") || sql.getSQLState().equals("40001"))) {
                return true;
            }
        }
        return false;
    }

    /** True when the current thread is inside an active transaction (callers that must not nest can check). */
    public static boolean inTransaction() {
        try {
            TransactionManager tm = Arc.container().instance(TransactionManager.class).get();
            return tm.getStatus() != Status.STATUS_NO_TRANSACTION;
        } catch (SystemException e) {
            return false;
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        // the class only: a duplicate-key message quotes the identifier, which may be a phone number
        return t.getClass().getSimpleName();
    }
}
