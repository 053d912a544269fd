package io.github.rnnlab;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Facts about this build of rnnlab. */
public final class Rnnlab {
  private static final Properties BUILD = load();

  private Rnnlab() {}

  /** rnnlab's version. */
  public static String version() {
    return BUILD.getProperty("version", "unknown");
  }

  /** The ND4J version rnnlab was built against. */
  public static String nd4jVersion() {
    return BUILD.getProperty("nd4j", "unknown");
  }

  private static Properties load() {
    Properties p = new Properties();
    try (InputStream in = Rnnlab.class.getResourceAsStream("rnnlab.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }
}
