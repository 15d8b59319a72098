package com.harborcrm.common.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;

import jakarta.persistence.PersistenceException;

import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

/** The mapping decisions that a running server can only show during an outage. */
class ProblemMappersTest {

    private final ProblemMappers mappers = new ProblemMappers();

    @Test
    void aLostDatabaseIsA503WithRetryAfterAndNoErrorId() {
        var lost = new PersistenceException(new JDBCConnectionException("connection refused",
                new SQLException("Connection to 127.0.0.1:5432 refused", "08001")));
        var response = mappers.unexpected(lost, null);
        assertEquals(503, response.getStatus());
        assertEquals("5", response.getHeaderString("Retry-After"));
        Problem problem = (Problem) response.getEntity();
        assertEquals(ProblemType.SERVICE_UNAVAILABLE.uri(), problem.type());
        assertNull(problem.errorId());
    }

    @Test
    void aPoolAcquisitionTimeoutCountsAsUnreachable() {
        assertTrue(ProblemMappers.isDatabaseUnreachable(new RuntimeException(new SQLException("Sorry, acquisition timeout!"))));
    }

    /**
     * Agroal's own words, as Hibernate wraps them when the database's host is gone (a stopped container): seen as a
     * 500 by the container test (ops-test/containers.mjs) before the match ignored case.
     */
    @Test
    void agroalsAcquisitionTimeoutAsHibernateWrapsItAnswers503() {
        var timeout = new org.hibernate.exception.GenericJDBCException(
                "Unable to acquire JDBC Connection [Acquisition timeout while waiting for new connection]",
                new SQLException("Acquisition timeout while waiting for new connection",
                        new java.util.concurrent.TimeoutException()));
        assertEquals(503, mappers.unexpected(timeout, null).getStatus());
    }

    /** What pooled connections get when PostgreSQL is stopped (57P01) or restarting (57P03), as Hibernate wraps it. */
    @Test
    void aServerShuttingDownOrStartingCountsAsUnreachable() {
        for (String state : new String[] {"57P01", "57P02", "57P03"}) {
            var shutdown = new org.hibernate.exception.GenericJDBCException("JDBC exception executing SQL",
                    new SQLException("FATAL: terminating connection due to administrator command", state));
            assertEquals(503, mappers.unexpected(shutdown, null).getStatus(), state);
        }
        assertFalse(ProblemMappers.isDatabaseUnreachable(new SQLException("query canceled", "57014")));
    }

    /** A commit whose flush fails reaches us as the transaction manager's exception, the JDBC error suppressed in it. */
    @Test
    void aConnectionLostInTheCommitsFlushCountsAsUnreachable() {
        var commit = new jakarta.transaction.RollbackException("ARJUNA016053: Could not commit transaction.");
        commit.addSuppressed(new org.hibernate.exception.GenericJDBCException("could not execute statement",
                new SQLException("An I/O error occurred while sending to the backend.", "08006")));
        assertEquals(503, mappers.unexpected(new RuntimeException(commit), null).getStatus());
        var unrelated = new jakarta.transaction.RollbackException("ARJUNA016053: Could not commit transaction.");
        unrelated.addSuppressed(new SQLException("duplicate key", "23505"));
        assertEquals(500, mappers.unexpected(unrelated, null).getStatus());
    }

    @Test
    void otherFailuresAre500sWithAnErrorIdAndNoInternals() {
        var response = mappers.unexpected(new IllegalStateException("select * from secrets"), null);
        assertEquals(500, response.getStatus());
        Problem problem = (Problem) response.getEntity();
        assertTrue(problem.errorId() != null && !problem.errorId().isBlank());
        assertFalse(problem.detail().contains("secrets"));
        assertFalse(ProblemMappers.isDatabaseUnreachable(new SQLException("duplicate key", "23505")));
    }
}
