package io.github.rnnlab.jupyter;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Prepares a fresh machine (e.g. a Binder image) so that a notebook's first cells are fast: loads ND4J once, which
 * unpacks its native libraries into the JavaCPP cache ({@code -Dorg.bytedeco.javacpp.cachedir}, default
 * {@code ~/.javacpp/cache}), and draws one chart, which builds the font caches. Run it with the same class path and
 * JVM options as the kernel.
 */
public final class Warmup {
  private Warmup() {}

  /** Runs the warm-up and prints what it did. */
  public static void main(String[] args) {
    long start = System.nanoTime();
    INDArray a = Nd4j.create(new float[] {1, 2, 3, 4}, new long[] {2, 2});
    double sum = a.mmul(a).sumNumber().doubleValue();
    long nd4j = System.nanoTime();
    XYChart chart = new XYChart(200, 150);
    chart.setTitle("warm-up");
    chart.addSeries("y", new double[] {0, 1, 2}, new double[] {0, 1, 4});
    int width = BitmapEncoder.getBufferedImage(chart).getWidth();
    long end = System.nanoTime();
    System.out.printf("rnnlab warm-up: ND4J ready in %.1f s (check %.0f), chart %d px wide in %.1f s%n",
        (nd4j - start) / 1e9, sum, width, (end - nd4j) / 1e9);
  }
}
