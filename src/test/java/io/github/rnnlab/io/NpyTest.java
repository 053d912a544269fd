package io.github.rnnlab.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks the {@code .npy} writer against NumPy's documented format (numpy.lib.format, version 1.0), read here by a
 * small independent reader, and the readers' errors.
 */
class NpyTest {

  /** Parses version-1.0 bytes exactly as NumPy's format document describes them; returns {shape..., data...}. */
  private static Object[] readAsNumpyDocumentsIt(byte[] bytes) {
    assertEquals((byte) 0x93, bytes[0]);
    assertEquals("NUMPY", new String(bytes, 1, 5, StandardCharsets.US_ASCII));
    assertEquals(1, bytes[6], "major version");
    assertEquals(0, bytes[7], "minor version");
    int headerLen = (bytes[8] & 0xff) | (bytes[9] & 0xff) << 8;
    assertEquals(0, (10 + headerLen) % 64, "data start on a 64-byte boundary, as NumPy pads");
    String header = new String(bytes, 10, headerLen, StandardCharsets.US_ASCII);
    assertTrue(header.endsWith("\n"), "the header ends with a newline");
    assertTrue(header.startsWith("{'descr': '<f4', 'fortran_order': False, 'shape': ("), header);
    String shape = header.substring(header.indexOf("'shape': (") + 10, header.indexOf(')'));
    long[] dims = Arrays.stream(shape.split(",")).map(String::trim).filter(s -> !s.isEmpty())
        .mapToLong(Long::parseLong).toArray();
    ByteBuffer data = ByteBuffer.wrap(bytes, 10 + headerLen, bytes.length - 10 - headerLen)
        .order(ByteOrder.LITTLE_ENDIAN);
    float[] values = new float[data.remaining() / 4];
    for (int i = 0; i < values.length; i++) {
      values[i] = data.getFloat();
    }
    return new Object[] {dims, values};
  }

  @Test
  void writesNumpysDocumentedFormat() {
    float[][] m = {{1f, -2.5f, 3f}, {Float.MIN_VALUE, 1e30f, -0f}};
    Object[] parsed = readAsNumpyDocumentsIt(Npy.write(Npy.Array.of(m)));
    assertArrayEquals(new long[] {2, 3}, (long[]) parsed[0]);
    assertArrayEquals(new float[] {1f, -2.5f, 3f, Float.MIN_VALUE, 1e30f, -0f}, (float[]) parsed[1]);
    Object[] vector = readAsNumpyDocumentsIt(Npy.write(new Npy.Array(new long[] {4}, new float[] {1, 2, 3, 4})));
    assertArrayEquals(new long[] {4}, (long[]) vector[0]);
  }

  @Test
  void readsBackWhatItWrites() {
    Npy.Array a = new Npy.Array(new long[] {2, 2}, new float[] {1, 2, 3, 4});
    Npy.Array b = Npy.read(Npy.write(a), "test");
    assertArrayEquals(a.shape(), b.shape());
    assertArrayEquals(a.data(), b.data());
  }

  @Test
  void readsFortranOrderAndFloat64() {
    // A 2 × 3 float64 array in column-major order, header written by hand as NumPy would for np.asfortranarray.
    String dict = "{'descr': '<f8', 'fortran_order': True, 'shape': (2, 3), }";
    String header = dict + " ".repeat(64 - (10 + dict.length() + 1) % 64) + "\n";
    ByteBuffer buf = ByteBuffer.allocate(10 + header.length() + 6 * 8).order(ByteOrder.LITTLE_ENDIAN);
    buf.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0)
        .putShort((short) header.length()).put(header.getBytes(StandardCharsets.US_ASCII));
    for (double v : new double[] {1, 4, 2, 5, 3, 6}) {
      buf.putDouble(v);
    }
    Npy.Array a = Npy.read(buf.array(), "fortran");
    assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, a.data());
  }

  @Test
  void corruptFilesNameTheFileAndTheProblem() {
    byte[] good = Npy.write(Npy.Array.of(new float[][] {{1, 2}, {3, 4}}));
    var truncated = assertThrows(IllegalArgumentException.class,
        () -> Npy.read(Arrays.copyOf(good, good.length - 3), "w.npy"));
    assertTrue(truncated.getMessage().contains("w.npy") && truncated.getMessage().contains("truncated"),
        truncated.getMessage());
    var notNpy = assertThrows(IllegalArgumentException.class, () -> Npy.read(new byte[20], "x.npy"));
    assertTrue(notNpy.getMessage().contains("x.npy is not a .npy file"), notNpy.getMessage());
  }

  @Test
  void archivesHoldArraysAndTextAndReportMissingOrBrokenFiles(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("a.npz");
    Npz.write(file, Map.of("W", Npy.Array.of(new float[][] {{1, 2}})), Map.of("note.json", "{\"x\": 1}"));
    Npz.Contents c = Npz.read(file);
    assertArrayEquals(new float[] {1, 2}, c.arrays().get("W").data());
    assertEquals("{\"x\": 1}", c.texts().get("note.json"));
    try (var files = Files.list(dir)) {
      assertEquals(1, files.count(), "no temporary file is left behind");
    }
    var missing = assertThrows(IllegalArgumentException.class, () -> Npz.read(dir.resolve("none.npz")));
    assertTrue(missing.getMessage().contains("none.npz"), missing.getMessage());
    byte[] bytes = Files.readAllBytes(file);
    Path cut = dir.resolve("cut.npz");
    Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));
    var broken = assertThrows(IllegalArgumentException.class, () -> Npz.read(cut));
    assertTrue(broken.getMessage().contains("cut.npz"), broken.getMessage());
  }
}
