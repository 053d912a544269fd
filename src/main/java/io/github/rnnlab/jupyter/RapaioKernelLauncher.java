package io.github.rnnlab.jupyter;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Collection;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Starts rapaio-jupyter-kernel and repairs a start-up race it has. Each of its channels polls its socket on a thread
 * whose {@code start()} calls {@code super.start()} before setting the flag the loop tests, so a thread that runs at
 * once sees the flag false and ends: that channel, often the shell, never answers, and the kernel hangs at start (one
 * start in seven to one in two on a 2-core machine). This launcher waits until the channels are bound, finds any
 * channel thread that ended while still flagged as running, and runs its loop on a new thread until the kernel shuts
 * it down.
 *
 * <p>{@code .ci/install-kernel} makes it the kernelspec's main class, on a class path with this class alone beside
 * the kernel jar: the rest of rnnlab must stay on the kernel's own class path ({@code RJK_CLASSPATH}), with its
 * dependencies. So it touches the kernel only by reflection and uses no other rnnlab class.
 */
public final class RapaioKernelLauncher {
  private static final String MAIN = "org.rapaio.jupyter.kernel.MainApp";
  private static final long BIND_TIMEOUT_SECONDS = 120;
  /** Long enough for every healthy channel thread to be running. */
  private static final long SETTLE_MILLIS = 300;

  private RapaioKernelLauncher() {}

  /** Runs the kernel with {@code args} (the connection file), repairing channels that did not start. */
  public static void main(String[] args) throws Exception {
    // Initialise the kernel class here, not in the watchdog: building the kernel sets this thread's context class
    // loader to JShell's, and the channel threads, which run the cells, inherit it from this thread.
    Class<?> app = Class.forName(MAIN);
    Thread watchdog = new Thread(() -> reviveStillbornChannels(app), "rnnlab-channel-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
    app.getMethod("main", String[].class).invoke(null, (Object) args);
  }

  private static void reviveStillbornChannels(Class<?> app) {
    try {
      Object kernel = app.getField("kernel").get(null);
      Method channelsOf = kernel.getClass().getMethod("channels");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(BIND_TIMEOUT_SECONDS);
      Object channels = channelsOf.invoke(kernel);
      while (channels == null) {
        if (System.nanoTime() > deadline) {
          return;
        }
        Thread.sleep(20);
        channels = channelsOf.invoke(kernel);
      }
      Thread.sleep(SETTLE_MILLIS);
      for (Object channel : (Collection<?>) read(channels, "channels")) {
        reviveIfStillborn(channel);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ReflectiveOperationException | RuntimeException e) {
      // Another kernel version: nothing to repair, or nothing we know how to.
      System.err.println("rnnlab: could not check the kernel's channel threads: " + e);
    }
  }

  /**
   * If {@code channel}'s polling thread ended while still flagged as running, runs its loop on a new thread and
   * returns that thread; otherwise returns null.
   */
  static @Nullable Thread reviveIfStillborn(Object channel) throws ReflectiveOperationException {
    if (loopThreadOf(channel) instanceof Thread loop && !loop.isAlive() && running(loop)) {
      return revive(loop);
    }
    return null;
  }

  /** Runs the dead loop's body on a new thread for as long as the kernel keeps the loop flagged as running. */
  private static Thread revive(Thread dead) throws ReflectiveOperationException {
    Runnable body = (Runnable) read(dead, "loopBody");
    long sleepMillis = (long) read(dead, "sleep");
    Thread loop = new Thread(() -> {
      try {
        while (running(dead)) {
          body.run();
          Thread.sleep(sleepMillis);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (ReflectiveOperationException e) {
        System.err.println("rnnlab: revived channel thread " + dead.getName() + " stopped: " + e);
      }
    }, dead.getName());
    // The shell runs cells on this thread: libraries such as ND4J find their plug-ins through its context class
    // loader, which must be JShell's, as the dead thread's was, not this watchdog's.
    loop.setContextClassLoader(dead.getContextClassLoader());
    loop.setDaemon(dead.isDaemon());
    loop.start();
    System.err.println("rnnlab: channel thread " + dead.getName() + " ended at start-up (a known race in this kernel);"
        + " restarted it");
    return loop;
  }

  /** The channel's polling thread, or null for a channel that has none (stdin is only written to). */
  private static @Nullable Object loopThreadOf(Object channel) throws ReflectiveOperationException {
    try {
      return read(channel, "loopThread");
    } catch (NoSuchFieldException e) {
      return null;
    }
  }

  private static boolean running(Thread loop) throws ReflectiveOperationException {
    return (boolean) read(loop, "running");
  }

  /** The value of the field {@code name} declared by {@code target}'s class or a superclass. */
  private static Object read(Object target, String name) throws ReflectiveOperationException {
    for (Class<?> c = target.getClass(); c != null; c = c.getSuperclass()) {
      try {
        Field f = c.getDeclaredField(name);
        f.setAccessible(true);
        return f.get(target);
      } catch (NoSuchFieldException e) {
        // Declared higher up.
      }
    }
    throw new NoSuchFieldException(target.getClass().getName() + "." + name);
  }
}
