package io.github.rnnlab.sweep;

import java.lang.reflect.InvocationTargetException;

/**
 * Creates the Spark executor without linking to Spark: {@link SparkSweepExecutor} is loaded only here, only when
 * asked for, and only after Spark itself was found, so that rnnlab runs without Spark and a missing Spark is reported
 * plainly rather than as a {@code NoClassDefFoundError}.
 */
final class SparkSupport {
  static final String MISSING = "SweepExecutor.spark() needs Apache Spark 4 (Scala 2.13 build) on the class path, "
      + "and rnnlab does not bring it. Add org.apache.spark:spark-core_2.13 to your project (Maven: a <dependency> "
      + "on it; Gradle: implementation(\"org.apache.spark:spark-core_2.13:<version>\")), install the notebook kernel "
      + "with `.ci/install-kernel --with-spark`, or run your program with spark-submit. SweepExecutor.local() needs "
      + "nothing beyond rnnlab.";

  private SparkSupport() {}

  /**
   * A {@link SparkSweepExecutor} for {@code master}, its classes loaded through {@code loader}.
   *
   * @throws IllegalStateException if Spark cannot be loaded through {@code loader}, with {@link #MISSING}
   */
  static SweepExecutor create(String master, ClassLoader loader) {
    try {
      Class.forName("org.apache.spark.SparkContext", false, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      throw new IllegalStateException(MISSING, e);
    }
    try {
      return (SweepExecutor) Class.forName(SweepExecutor.class.getPackageName() + ".SparkSweepExecutor", true, loader)
          .getMethod("create", String.class).invoke(null, master);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException("could not start Spark: " + e.getCause(), e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("could not load rnnlab's Spark executor: " + e, e);
    }
  }
}
