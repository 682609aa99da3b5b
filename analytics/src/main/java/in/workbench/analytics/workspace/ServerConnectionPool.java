package in.workbench.analytics.workspace;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Properties;
import org.postgresql.Driver;

/**
 * The connections of one team workspace: each caller takes its own with {@link #get()} and
 * closes it, which hands it back for the next caller. A connection the server dropped (killed,
 * restarted, network gone) is never handed out again; the next call connects anew.
 *
 * <p>Thread-safe.
 */
final class ServerConnectionPool implements AutoCloseable {

    private static final int MAX_IDLE = 8;

    private final String url;
    private final Properties properties;
    private final Driver driver = new Driver();
    private final Deque<Connection> idle = new ArrayDeque<>();
    private boolean closed;

    ServerConnectionPool(String url, Properties properties) {
        this.url = url;
        this.properties = properties;
    }

    /** A connection with auto-commit on; closing it returns it to the pool. */
    Connection get() throws SQLException {
        Connection physical = null;
        synchronized (this) {
            if (closed) {
                throw new SQLException("The team workspace is closed.", "08003");
            }
            while (physical == null && !idle.isEmpty()) {
                Connection c = idle.pollFirst();
                if (!c.isClosed()) {
                    physical = c;
                }
            }
        }
        if (physical == null) {
            physical = driver.connect(url, properties);
        }
        return wrap(physical);
    }

    /** A connection outside the pool, for work that must not share a session (closing it disconnects). */
    Connection dedicated() throws SQLException {
        return driver.connect(url, properties);
    }

    private Connection wrap(Connection physical) {
        InvocationHandler handler = new InvocationHandler() {
            private boolean returned;
            private boolean broken;

            @Override
            public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
                switch (method.getName()) {
                    case "close" -> {
                        if (!returned) {
                            returned = true;
                            if (broken) {
                                physical.close();
                            } else {
                                release(physical);
                            }
                        }
                        return null;
                    }
                    case "isClosed" -> {
                        return returned || physical.isClosed();
                    }
                    case "equals" -> {
                        return proxy == args[0];
                    }
                    case "hashCode" -> {
                        return System.identityHashCode(proxy);
                    }
                    default -> {
                        if (returned) {
                            throw new SQLException("This connection was already closed.", "08003");
                        }
                        try {
                            return method.invoke(physical, args);
                        } catch (InvocationTargetException e) {
                            if (e.getCause() instanceof SQLException sql && lost(sql)) {
                                broken = true;
                            }
                            throw e.getCause();
                        }
                    }
                }
            }
        };
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
    }

    /** Whether an error means the session is gone (connection failure, or the server ended it). */
    static boolean lost(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("08") || state.startsWith("57P"));
    }

    private void release(Connection physical) throws SQLException {
        boolean keep = !physical.isClosed();
        if (keep) {
            try {
                if (!physical.getAutoCommit()) {
                    physical.rollback();
                    physical.setAutoCommit(true);
                }
            } catch (SQLException e) {
                keep = false;
            }
        }
        synchronized (this) {
            if (keep && !closed && idle.size() < MAX_IDLE) {
                idle.addFirst(physical);
                return;
            }
        }
        physical.close();
    }

    @Override
    public void close() {
        Deque<Connection> toClose;
        synchronized (this) {
            closed = true;
            toClose = new ArrayDeque<>(idle);
            idle.clear();
        }
        for (Connection c : toClose) {
            try {
                c.close();
            } catch (SQLException e) {
                // the server already dropped it: nothing left to release
            }
        }
    }
}
