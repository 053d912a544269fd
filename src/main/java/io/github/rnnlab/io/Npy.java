package io.github.rnnlab.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * NumPy's {@code .npy} format (version 1.0 written; 1.0–3.0 read): a magic string, a header dictionary giving dtype,
 * order and shape, then the data. rnnlab writes float32 arrays, little-endian, C order, with the header padded so the
 * data start on a 64-byte boundary, as NumPy does; it reads float32 or float64 (converted), either byte order, C or
 * Fortran order. See NumPy's {@code numpy.lib.format} documentation.
 */
public final class Npy {
  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
  private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([<>|=])([fiub])(\\d+)'");
  private static final Pattern ORDER = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
  private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

  private Npy() {}

  /** A float32 array with its shape (C order: the last index varies fastest). */
  public record Array(long[] shape, float[] data) {
    /**
     * @throws IllegalArgumentException if the data length does not match the shape
     */
    public Array {
      shape = shape.clone();
      long n = 1;
      for (long d : shape) {
        if (d < 0) {
          throw new IllegalArgumentException("shape entries must be >= 0; got " + Arrays.toString(shape));
        }
        n *= d;
      }
      if (n != data.length) {
        throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs " + n + " values; got "
            + data.length);
      }
    }

    /** A 2-D array from rows. */
    public static Array of(float[][] rows) {
      int cols = rows.length == 0 ? 0 : rows[0].length;
      float[] data = new float[rows.length * cols];
      for (int r = 0; r < rows.length; r++) {
        System.arraycopy(rows[r], 0, data, r * cols, cols);
      }
      return new Array(new long[] {rows.length, cols}, data);
    }

    /** The values as rows: a 2-D array's rows, a 1-D array as one row. */
    public float[][] rows() {
      int rows = shape.length == 2 ? (int) shape[0] : 1;
      int cols = rows == 0 ? 0 : data.length / rows;
      float[][] m = new float[rows][cols];
      for (int r = 0; r < rows; r++) {
        System.arraycopy(data, r * cols, m[r], 0, cols);
      }
      return m;
    }
  }

  /** The bytes of a {@code .npy} file holding {@code array} as float32. */
  public static byte[] write(Array array) {
    long[] dims = array.shape();
    // Python's tuple syntax: (5,) for one dimension, (128, 3) for two.
    String shape = dims.length == 1 ? "(" + dims[0] + ",)"
        : "(" + String.join(", ", Arrays.stream(dims).mapToObj(Long::toString).toList()) + ")";
    String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': " + shape + ", }";
    int unpadded = MAGIC.length + 2 + 2 + dict.length() + 1;
    int pad = (64 - unpadded % 64) % 64;
    String header = dict + " ".repeat(pad) + "\n";
    ByteBuffer buf = ByteBuffer.allocate(MAGIC.length + 4 + header.length() + 4 * array.data().length)
        .order(ByteOrder.LITTLE_ENDIAN);
    buf.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) header.length());
    buf.put(header.getBytes(StandardCharsets.US_ASCII));
    for (float v : array.data()) {
      buf.putFloat(v);
    }
    return buf.array();
  }

  /**
   * Parses a {@code .npy} file's bytes; {@code source} names it in error messages.
   *
   * @throws IllegalArgumentException if the bytes are not a complete {@code .npy} file of a float type
   */
  public static Array read(byte[] bytes, String source) {
    if (bytes.length < MAGIC.length + 4 || !Arrays.equals(Arrays.copyOf(bytes, MAGIC.length), MAGIC)) {
      throw new IllegalArgumentException(source + " is not a .npy file (no \\x93NUMPY magic string)");
    }
    int major = bytes[6];
    ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    buf.position(8);
    int headerLength;
    if (major == 1) {
      headerLength = Short.toUnsignedInt(buf.getShort());
    } else if (major == 2 || major == 3) {
      headerLength = buf.getInt();
    } else {
      throw new IllegalArgumentException(source + " has .npy format version " + major + "; versions 1 to 3 are read");
    }
    if (headerLength < 0 || buf.position() + headerLength > bytes.length) {
      throw new IllegalArgumentException(source + " is truncated: its header says " + headerLength
          + " bytes but the file has " + (bytes.length - buf.position()) + " left");
    }
    String header = new String(bytes, buf.position(), headerLength,
        major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    buf.position(buf.position() + headerLength);
    Matcher descr = DESCR.matcher(header);
    Matcher order = ORDER.matcher(header);
    Matcher shapeMatch = SHAPE.matcher(header);
    if (!descr.find() || !order.find() || !shapeMatch.find()) {
      throw new IllegalArgumentException(source + " has an unreadable .npy header: " + header.trim());
    }
    int width = Integer.parseInt(descr.group(3));
    if (!descr.group(2).equals("f") || (width != 4 && width != 8)) {
      throw new IllegalArgumentException(source + " holds dtype " + descr.group(0).split(":")[1].trim()
          + "; only float32 ('<f4') and float64 ('<f8') are read");
    }
    long[] shape = Arrays.stream(shapeMatch.group(1).split(",")).map(String::trim).filter(s -> !s.isEmpty())
        .mapToLong(Long::parseLong).toArray();
    long count = 1;
    for (long d : shape) {
      count *= d;
    }
    if (count * width != bytes.length - buf.position()) {
      throw new IllegalArgumentException(String.format(Locale.ROOT, "%s is truncated or padded: shape %s of %d-byte "
          + "values needs %d data bytes, found %d", source, Arrays.toString(shape), width, count * width,
          bytes.length - buf.position()));
    }
    buf.order(descr.group(1).equals(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
    float[] data = new float[(int) count];
    for (int i = 0; i < data.length; i++) {
      data[i] = width == 4 ? buf.getFloat() : (float) buf.getDouble();
    }
    if (order.group(1).equals("True") && shape.length > 1) {
      data = fortranToC(data, shape);
    }
    return new Array(shape, data);
  }

  /** Reorders column-major data to row-major. */
  private static float[] fortranToC(float[] data, long[] shape) {
    int n = shape.length;
    int[] dims = Arrays.stream(shape).mapToInt(d -> (int) d).toArray();
    float[] out = new float[data.length];
    int[] index = new int[n];
    for (int f = 0; f < data.length; f++) {
      int c = 0;
      for (int k = 0; k < n; k++) {
        c = c * dims[k] + index[k];
      }
      out[c] = data[f];
      for (int k = 0; k < n && ++index[k] == dims[k]; k++) {
        index[k] = 0;
      }
    }
    return out;
  }
}
