package io.github.rnnlab.sweep;

import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import com.univocity.parsers.csv.CsvWriter;
import com.univocity.parsers.csv.CsvWriterSettings;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A sweep's results file: CSV with a header and one line per finished run, appended and flushed to disk as each run
 * finishes, so that a sweep stopped at any moment keeps every run that finished. Columns: the settings, {@code seed},
 * the metrics (alphabetical), {@code seconds}, {@code error}; a NaN metric is an empty cell. A line cut short by a
 * crash is dropped when the file is opened again. When a run appears more than once (a failed run that was run
 * again), its last line counts. The file is locked while a sweep uses it.
 */
final class ResultsFile implements AutoCloseable {
  private final Path path;
  private final List<String> settingNames;
  private final FileChannel channel;
  private final FileLock lock;
  /** The metric columns of the header; empty while no run has succeeded (then the header has no metric columns). */
  private List<String> metricNames = List.of();
  /** The header's columns; empty while the file is. */
  private List<String> header = List.of();
  /** The file's lines below the header, in order. */
  private final List<String[]> lines = new ArrayList<>();
  /** The lines read when the file was opened, by run key; the last line of a run wins. */
  private final Map<List<String>, String[]> stored = new HashMap<>();

  private ResultsFile(Path path, List<String> settingNames, FileChannel channel, FileLock lock) {
    this.path = path;
    this.settingNames = settingNames;
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Opens (or creates) the results file at {@code path} for a sweep over {@code settingNames} and reads its runs.
   *
   * @throws IllegalArgumentException if the file holds another sweep (other setting names) or is not a results file
   * @throws IllegalStateException if another sweep is using it
   * @throws UncheckedIOException if it cannot be read or written
   */
  static ResultsFile open(Path path, List<String> settingNames) {
    FileChannel channel = null;
    try {
      Path parent = path.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        throw new IllegalStateException("the results file " + path + " is in use by another sweep");
      }
      ResultsFile file = new ResultsFile(path, settingNames, channel, lock);
      file.read();
      return file;
    } catch (IOException e) {
      closeQuietly(channel);
      throw new UncheckedIOException("could not open the results file " + path, e);
    } catch (RuntimeException e) {
      closeQuietly(channel);
      throw e;
    }
  }

  /** The metric names of the file's header; empty if no run in it has succeeded. */
  List<String> metricNames() {
    return metricNames;
  }

  /** The last line written for {@code run}, as a result, if there is one. */
  Optional<RunResult> find(Run run) {
    String[] row = stored.get(key(run.setting(), run.seed()));
    if (row == null) {
      return Optional.empty();
    }
    Map<String, Double> metrics = new LinkedHashMap<>();
    for (String name : metricNames) {
      String cell = row[header.indexOf(name)];
      metrics.put(name, cell == null ? Double.NaN : Double.parseDouble(cell));
    }
    String error = row[header.size() - 1];
    double seconds = Double.parseDouble(row[header.size() - 2]);
    return Optional.of(error == null ? new RunResult(run, metrics, seconds, null)
        : new RunResult(run, Map.of(), seconds, error));
  }

  /**
   * Appends {@code result} and forces it to disk. The first successful run fixes the metric columns: the caller makes
   * sure that later successful runs have the same metrics.
   */
  void append(RunResult result) {
    if (!result.failed() && metricNames.isEmpty()) {
      metricNames = List.copyOf(result.metrics().keySet());
      writeHeader();
    } else if (header.isEmpty()) {
      writeHeader();
    }
    String[] row = row(result);
    lines.add(row);
    write(line(row));
  }

  private String[] row(RunResult result) {
    List<String> cells = new ArrayList<>();
    for (String name : settingNames) {
      cells.add(Setting.format(result.run().setting().get(name)));
    }
    cells.add(Long.toString(result.run().seed()));
    for (String name : metricNames) {
      double v = result.metric(name);
      cells.add(Double.isNaN(v) ? null : Double.toString(v));
    }
    cells.add(Double.toString(result.seconds()));
    cells.add(result.error());
    return cells.toArray(String[]::new);
  }

  /**
   * (Re)writes the file: the header, then the lines already written. Those can only be failed runs when the header
   * changes (the first run to succeed adds the metric columns), so they get empty metric cells.
   */
  private void writeHeader() {
    header = columns(metricNames);
    StringBuilder text = new StringBuilder(line(header.toArray(String[]::new)));
    for (int i = 0; i < lines.size(); i++) {
      String[] old = lines.get(i);
      String[] padded = new String[header.size()];
      System.arraycopy(old, 0, padded, 0, settingNames.size() + 1);
      System.arraycopy(old, old.length - 2, padded, padded.length - 2, 2);
      lines.set(i, padded);
      text.append(line(padded));
    }
    try {
      channel.truncate(0);
      channel.position(0);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the results file " + path, e);
    }
    write(text.toString());
  }

  private List<String> columns(List<String> metrics) {
    List<String> columns = new ArrayList<>(settingNames);
    columns.add("seed");
    columns.addAll(metrics);
    columns.add("seconds");
    columns.add("error");
    return columns;
  }

  private void read() throws IOException {
    byte[] bytes = new byte[(int) channel.size()];
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    while (buffer.hasRemaining() && channel.read(buffer, buffer.position()) >= 0) {
      // until the whole file is in
    }
    // Every line ends with a newline when written whole; anything after the last one was cut short by a crash, and is
    // dropped once the file is known to be a results file.
    int end = bytes.length;
    while (end > 0 && bytes[end - 1] != '\n') {
      end--;
    }
    List<String[]> rows = parser().parseAll(new StringReader(new String(bytes, 0, end, StandardCharsets.UTF_8)));
    if (!rows.isEmpty()) {
      parse(rows);
    }
    channel.truncate(end);
    channel.position(end);
  }

  /**
   * Reads the header and the runs' lines.
   *
   * @throws IllegalArgumentException if they are not those of a results file of this sweep
   */
  private void parse(List<String[]> rows) {
    header = Arrays.stream(rows.get(0)).map(c -> c == null ? "" : c).toList();
    int seed = header.indexOf("seed");
    if (seed < 0 || header.size() < seed + 3 || !header.get(header.size() - 2).equals("seconds")
        || !header.get(header.size() - 1).equals("error")) {
      throw new IllegalArgumentException(path + " is not a sweep results file (its header is " + header + ")");
    }
    if (!header.subList(0, seed).equals(settingNames)) {
      throw new IllegalArgumentException(path + " holds a sweep over " + header.subList(0, seed) + ", not "
          + settingNames + "; give this sweep another results file, or delete that one");
    }
    metricNames = List.copyOf(header.subList(seed + 1, header.size() - 2));
    for (String[] row : rows.subList(1, rows.size())) {
      if (row.length != header.size()) {
        throw new IllegalArgumentException(path + " has a line of " + row.length + " cells under a header of "
            + header.size() + ": " + String.join(",", row));
      }
      lines.add(row);
      List<String> key = new ArrayList<>();
      for (int c = 0; c <= seed; c++) {
        key.add(row[c] == null ? "" : row[c]);
      }
      stored.put(key, row);
    }
  }

  /** The cells that identify a run: its setting values' text forms, then its seed. */
  private List<String> key(Setting setting, long seed) {
    List<String> key = new ArrayList<>();
    for (String name : settingNames) {
      key.add(Setting.format(setting.get(name)));
    }
    key.add(Long.toString(seed));
    return key;
  }

  private static CsvParser parser() {
    CsvParserSettings settings = new CsvParserSettings();
    settings.setLineSeparatorDetectionEnabled(false);
    settings.getFormat().setLineSeparator("\n");
    settings.setMaxCharsPerColumn(-1);
    settings.setNullValue(null);
    settings.setEmptyValue("");
    return new CsvParser(settings);
  }

  /** One CSV line with its newline, quoted where needed. */
  private static String line(String[] cells) {
    CsvWriterSettings settings = new CsvWriterSettings();
    settings.getFormat().setLineSeparator("\n");
    StringWriter out = new StringWriter();
    CsvWriter writer = new CsvWriter(out, settings);
    writer.writeRow((Object[]) cells);
    writer.close();
    return out.toString();
  }

  private void write(String text) {
    try {
      ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
      while (bytes.hasRemaining()) {
        channel.write(bytes);
      }
      channel.force(false);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the results file " + path, e);
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
    } catch (IOException e) {
      // The channel's closing releases it anyway.
    }
    closeQuietly(channel);
  }

  private static void closeQuietly(@Nullable FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        // Nothing more to do with a channel that will not close.
      }
    }
  }
}
