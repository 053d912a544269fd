package io.github.rnnlab.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Facts about this build, read from {@code rnnlab.properties}. Internal; the public face is {@code Rnnlab}. */
public final class Build {
  private static final Properties PROPERTIES = load();

  private Build() {}

  /** A build property, or "unknown". */
  public static String property(String key) {
    return PROPERTIES.getProperty(key, "unknown");
  }

  private static Properties load() {
    Properties p = new Properties();
    try (InputStream in = Build.class.getResourceAsStream("/io/github/rnnlab/rnnlab.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }
}
