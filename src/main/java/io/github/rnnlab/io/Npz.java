package io.github.rnnlab.io;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * NumPy's {@code .npz} archives: a zip of {@code .npy} files (what {@code numpy.savez_compressed} writes and
 * {@code numpy.load} reads), plus any other named text entries, which {@code numpy.load} hands back as raw bytes.
 * Writing goes to a temporary file in the same folder that is then moved into place, so a failed write never leaves a
 * half-written archive.
 */
public final class Npz {
  private Npz() {}

  /**
   * Writes {@code arrays} (each as {@code <name>.npy}) and {@code texts} (each under its own name, UTF-8) to
   * {@code path}, replacing it atomically where the file system allows.
   *
   * @throws UncheckedIOException if the file cannot be written
   */
  public static void write(Path path, Map<String, Npy.Array> arrays, Map<String, String> texts) {
    Path target = path.toAbsolutePath();
    Path folder = target.getParent();
    Path temp = null;
    try {
      if (folder != null) {
        Files.createDirectories(folder);
      }
      temp = Files.createTempFile(folder, "." + target.getFileName(), ".tmp");
      try (OutputStream file = Files.newOutputStream(temp); ZipOutputStream zip = new ZipOutputStream(file)) {
        for (Map.Entry<String, String> e : texts.entrySet()) {
          zip.putNextEntry(new ZipEntry(e.getKey()));
          zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
          zip.closeEntry();
        }
        for (Map.Entry<String, Npy.Array> e : arrays.entrySet()) {
          zip.putNextEntry(new ZipEntry(e.getKey() + ".npy"));
          zip.write(Npy.write(e.getValue()));
          zip.closeEntry();
        }
      }
      try {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // The write already failed; that is the error to report.
        }
      }
      throw new UncheckedIOException("could not write " + path + ": " + e.getMessage(), e);
    }
  }

  /** The entries of an archive: arrays by name (without {@code .npy}) and other entries as UTF-8 text. */
  public record Contents(Map<String, Npy.Array> arrays, Map<String, String> texts) {}

  /**
   * Reads the archive at {@code path}.
   *
   * @throws IllegalArgumentException if the file is missing, not a zip, truncated, or holds a malformed array
   */
  public static Contents read(Path path) {
    if (!Files.isRegularFile(path)) {
      throw new IllegalArgumentException("no file at " + path);
    }
    Map<String, Npy.Array> arrays = new LinkedHashMap<>();
    Map<String, String> texts = new LinkedHashMap<>();
    // ZipFile reads the central directory at the end, so a truncated archive is caught even if its entries are whole.
    try (ZipFile zip = new ZipFile(path.toFile())) {
      for (ZipEntry entry : Collections.list(zip.entries())) {
        byte[] data;
        try (InputStream in = zip.getInputStream(entry)) {
          data = in.readAllBytes();
        }
        String name = entry.getName();
        if (name.endsWith(".npy")) {
          arrays.put(name.substring(0, name.length() - 4), Npy.read(data, path + " entry " + name));
        } else {
          texts.put(name, new String(data, StandardCharsets.UTF_8));
        }
      }
    } catch (ZipException | EOFException e) {
      throw new IllegalArgumentException(path + " is not a complete .npz (zip) archive: " + e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + path + ": " + e.getMessage(), e);
    }
    if (arrays.isEmpty() && texts.isEmpty()) {
      throw new IllegalArgumentException(path + " is not a .npz archive (it holds no entries)");
    }
    return new Contents(arrays, texts);
  }
}
