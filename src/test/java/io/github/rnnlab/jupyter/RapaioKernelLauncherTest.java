package io.github.rnnlab.jupyter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The launcher's repair, on stand-ins shaped like rapaio-jupyter-kernel 3.0.1's channels and polling threads (its own
 * classes cannot be loaded in a test: that starts a kernel).
 */
class RapaioKernelLauncherTest {

  /** Shaped like rapaio's LoopThread, including its bug: the flag is set only after the thread has started. */
  static final class LoopThread extends Thread {
    private volatile boolean running;
    private final long sleep;
    private final Runnable loopBody;

    LoopThread(long sleep, Runnable loopBody) {
      super("Shell-0");
      this.sleep = sleep;
      this.loopBody = loopBody;
    }

    @Override
    public void run() {
      while (running) {
        loopBody.run();
        try {
          Thread.sleep(sleep);
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    /** The losing side of the race: the thread ran and ended before {@code running} was set. */
    void startAndLoseTheRace() throws InterruptedException {
      super.start();
      join();
      running = true;
    }

    void shutdown() {
      running = false;
    }
  }

  static final class Channel {
    private final LoopThread loopThread;

    Channel(LoopThread loopThread) {
      this.loopThread = loopThread;
    }
  }

  /** Like rapaio's stdin channel, which has no polling thread. */
  static final class Stdin {}

  @Test
  void aStillbornLoopRunsAgainUntilShutDown() throws Exception {
    AtomicInteger polls = new AtomicInteger();
    LoopThread loop = new LoopThread(1, polls::incrementAndGet);
    ClassLoader cellLoader = new java.net.URLClassLoader(new java.net.URL[0], getClass().getClassLoader());
    loop.setContextClassLoader(cellLoader);
    loop.startAndLoseTheRace();
    assertEquals(0, polls.get(), "the stand-in reproduces the race: the loop never polled");

    Thread revived = RapaioKernelLauncher.reviveIfStillborn(new Channel(loop));
    assertNotNull(revived);
    assertSame(cellLoader, revived.getContextClassLoader(), "cells run with the dead thread's class loader");
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (polls.get() < 3 && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertTrue(polls.get() >= 3, "the revived loop polls; polls so far: " + polls.get());

    loop.shutdown();
    revived.join(5_000);
    assertFalse(revived.isAlive(), "the revived loop stops when the kernel shuts the channel down");
  }

  @Test
  void healthyLoopsAndChannelsWithoutOneAreLeftAlone() throws Exception {
    LoopThread healthy = new LoopThread(1, () -> { });
    healthy.running = true;
    healthy.start();
    try {
      assertNull(RapaioKernelLauncher.reviveIfStillborn(new Channel(healthy)));
      assertNull(RapaioKernelLauncher.reviveIfStillborn(new Stdin()));
    } finally {
      healthy.shutdown();
      healthy.join(5_000);
    }
    LoopThread shutDown = new LoopThread(1, () -> { });
    shutDown.start();
    shutDown.join();
    assertNull(RapaioKernelLauncher.reviveIfStillborn(new Channel(shutDown)), "a loop that was shut down stays down");
  }
}
