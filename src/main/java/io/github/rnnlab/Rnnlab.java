package io.github.rnnlab;

import io.github.rnnlab.internal.Build;

/** Facts about this build of rnnlab. */
public final class Rnnlab {
  private Rnnlab() {}

  /** rnnlab's version. */
  public static String version() {
    return Build.property("version");
  }

  /** The ND4J version rnnlab was built against. */
  public static String nd4jVersion() {
    return Build.property("nd4j");
  }
}
