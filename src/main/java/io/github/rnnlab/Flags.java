package io.github.rnnlab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The command lines of rnnlab's main programs: {@code --flag value} pairs, each flag at most once, read with
 * defaults; a bad value is an {@link IllegalArgumentException} naming the flag, and {@code --help} one with an empty
 * message.
 */
final class Flags {
  private final Map<String, String> values;

  private Flags(Map<String, String> values) {
    this.values = values;
  }

  /**
   * Reads {@code args} as pairs of a flag from {@code known} and its value.
   *
   * @throws IllegalArgumentException for an unknown or repeated flag, a flag without a value, or {@code --help}
   */
  static Flags parse(List<String> args, List<String> known) {
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < args.size(); i++) {
      String flag = args.get(i);
      if (flag.equals("--help") || flag.equals("-h")) {
        throw new IllegalArgumentException("");
      }
      if (!known.contains(flag)) {
        throw new IllegalArgumentException("unknown flag " + flag);
      }
      if (i + 1 >= args.size()) {
        throw new IllegalArgumentException("missing value after " + flag);
      }
      if (values.put(flag, args.get(++i)) != null) {
        throw new IllegalArgumentException(flag + " is given twice");
      }
    }
    return new Flags(values);
  }

  /** The text of {@code flag}, or {@code otherwise}. */
  String text(String flag, String otherwise) {
    return values.getOrDefault(flag, otherwise);
  }

  /** A whole number. */
  long whole(String flag, long otherwise) {
    String value = values.get(flag);
    return value == null ? otherwise : parseWhole(flag, value);
  }

  /** A whole number > 0 that fits an int. */
  int positive(String flag, int otherwise) {
    String value = values.get(flag);
    if (value == null) {
      return otherwise;
    }
    long v = parseWhole(flag, value);
    if (v <= 0 || v > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(flag + " takes a whole number > 0; got " + value);
    }
    return (int) v;
  }

  /** A range {@code FIRST-LAST} of whole numbers ≥ 0, both included, as {@code {first, last}}. */
  long[] range(String flag, long first, long last) {
    String value = values.get(flag);
    if (value == null) {
      return new long[] {first, last};
    }
    String[] ends = value.split("-", -1);
    if (ends.length != 2) {
      throw new IllegalArgumentException(flag + " takes FIRST-LAST, e.g. 1-30; got '" + value + "'");
    }
    long[] range = {parseWhole(flag, ends[0]), parseWhole(flag, ends[1])};
    if (range[1] < range[0]) {
      throw new IllegalArgumentException(flag + " takes FIRST-LAST with FIRST <= LAST; got '" + value + "'");
    }
    return range;
  }

  /** A comma-separated list, each item converted by {@code parse} (which throws on a bad item). */
  <T> List<T> list(String flag, List<T> otherwise, Function<String, T> parse) {
    String value = values.get(flag);
    if (value == null) {
      return otherwise;
    }
    List<T> items = new ArrayList<>();
    for (String item : value.split(",", -1)) {
      try {
        items.add(parse.apply(item.trim()));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(flag + " takes a comma-separated list; '" + item + "' is not valid");
      }
    }
    return items;
  }

  private static long parseWhole(String flag, String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(flag + " takes a whole number; got '" + value + "'");
    }
  }

  /**
   * Creates {@code dir} if needed and checks that a file can be written in it, so that a bad output folder fails at
   * once rather than after training.
   *
   * @throws IllegalArgumentException if it cannot be created or written, with the system's reason
   */
  static void requireWritable(String flag, Path dir) {
    try {
      Files.createDirectories(dir);
      Files.delete(Files.createTempFile(dir, ".write-check", ".tmp"));
    } catch (IOException | UnsupportedOperationException e) {
      throw new IllegalArgumentException(flag + " " + dir + " is not a folder rnnlab can write to (" + e + ")");
    }
  }

  /**
   * Runs a main program: parses its options and checks them up front; a bad flag or value prints the error and
   * {@code usage} and exits with status 2, {@code --help} prints the usage and exits with 0.
   */
  static <O> void main(String[] args, String usage, Function<List<String>, O> parse, Consumer<O> run) {
    O options;
    try {
      options = parse.apply(List.of(args));
    } catch (IllegalArgumentException e) {
      if (!e.getMessage().isEmpty()) {
        System.err.println("error: " + e.getMessage());
      }
      System.err.print(usage);
      System.exit(e.getMessage().isEmpty() ? 0 : 2);
      return;
    }
    run.accept(options);
  }
}
