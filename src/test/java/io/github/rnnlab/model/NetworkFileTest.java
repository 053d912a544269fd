package io.github.rnnlab.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rnnlab.data.Batch;
import io.github.rnnlab.io.Npy;
import io.github.rnnlab.io.Npz;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Save → load gives the same outputs bit for bit for every kind of network; broken files give clear errors. */
class NetworkFileTest {
  @TempDir
  Path dir;

  static Stream<Network> networks() {
    Ctrnn plastic = Ctrnn.builder().inputSize(3).hiddenSize(6).outputSize(2).dtMs(20).tauMs(60)
        .activation(Activation.SOFTPLUS).reluPlacement(ReluPlacement.OUTSIDE).sigmaRec(0.1).sigmaIn(0.05)
        .plasticity(ShortTermPlasticity.alternating()).seed(4).build();
    plastic.parameter("W_in").constrain(WeightConstraint.mask(CtrnnGradientTest.randomMask(6, 3, 2)));
    boolean[][] fixed = new boolean[6][6];
    fixed[1][2] = true;
    plastic.parameter("W_rec").constrain(WeightConstraint.fixed(fixed));
    plastic.parameter("b_out").setTrainable(false);
    Ctrnn mse = Ctrnn.builder().inputSize(3).hiddenSize(5).outputSize(2).loss(Loss.meanSquaredError()).build();
    EiRnn ei = EiRnn.builder().inputSize(3).hiddenSize(10).outputSize(3).dtMs(20).sigmaRec(0.15).seed(7).build();
    HierarchicalCtrnn stack = HierarchicalCtrnn.builder().inputSize(3).hiddenSizes(4, 5).outputSize(3).seed(2)
        .build();
    Lstm lstm = Lstm.builder().inputSize(3).hiddenSize(4).outputSize(2).dtMs(20).loss(Loss.meanSquaredError())
        .seed(5).build();
    lstm.parameter("weight_hh").constrain(WeightConstraint.mask(CtrnnGradientTest.randomMask(16, 4, 3)));
    Gru gru = Gru.builder().inputSize(3).hiddenSize(5).outputSize(3).seed(6).build();
    return Stream.of(plastic, mse, ei, stack, lstm, gru);
  }

  @ParameterizedTest
  @MethodSource("networks")
  void savedNetworksComeBackBitForBit(Network net) {
    ReferenceNetwork.scaleParameters(net, 1.7f);
    Path file = dir.resolve("net.npz");
    net.save(file);
    Network back = Network.load(file);
    assertEquals(net.getClass(), back.getClass());
    assertEquals(net.toString(), back.toString());
    assertEquals(net.settingsJson(), back.settingsJson());
    Batch batch = ReferenceNetwork.randomBatch(5, 3, 3, 2, false, 1);
    assertArrayEquals(net.forward(batch.inputs()).outputs().data().asFloat(),
        back.forward(batch.inputs()).outputs().data().asFloat());
    assertArrayEquals(net.forward(batch.inputs(), 9).outputs().data().asFloat(),
        back.forward(batch.inputs(), 9).outputs().data().asFloat(), "the same noise for the same seed");
    for (int i = 0; i < net.parameters().size(); i++) {
      Parameter a = net.parameters().get(i);
      Parameter b = back.parameters().get(i);
      assertEquals(a.toString(), b.toString(), "shape, frozen flag and constraints");
      assertArrayEquals(a.toArray().data().asFloat(), b.toArray().data().asFloat(), a.name());
    }
  }

  @Test
  void numpyReadsTheWeightsAndTheSettingsAreReadableJson() {
    Ctrnn net = Ctrnn.builder().inputSize(3).hiddenSize(4).outputSize(3).dtMs(20).seed(3).build();
    Path file = dir.resolve("tutorial.npz");
    net.save(file);
    Npz.Contents c = Npz.read(file);
    assertEquals(List.of("W_in", "b_in", "W_rec", "b_rec", "W_out", "b_out"), List.copyOf(c.arrays().keySet()));
    assertArrayEquals(new long[] {4, 4}, c.arrays().get("W_rec").shape());
    assertArrayEquals(new long[] {3}, c.arrays().get("b_out").shape());
    String json = c.texts().get("network.json");
    assertTrue(json.contains("\"kind\": \"Ctrnn\"") && json.contains("\"tauMs\": 100.0")
        && json.contains("\"format\": \"rnnlab-network\""), json);
    assertEquals(Network.load(file, Ctrnn.class).hiddenSize(), 4);
  }

  @Test
  void brokenFilesSayWhichFileAndWhatIsWrong() throws Exception {
    Ctrnn net = Ctrnn.builder().inputSize(3).hiddenSize(4).outputSize(3).build();
    Path good = dir.resolve("good.npz");
    net.save(good);
    assertMessage(dir.resolve("missing.npz"), "missing.npz");
    byte[] bytes = Files.readAllBytes(good);
    Path truncated = dir.resolve("truncated.npz");
    Files.write(truncated, Arrays.copyOf(bytes, bytes.length - 200));
    assertMessage(truncated, "truncated.npz");
    Path foreign = dir.resolve("foreign.npz");
    Npz.write(foreign, Map.of("x", Npy.Array.of(new float[][] {{1}})), Map.of());
    assertMessage(foreign, "not a saved rnnlab network");
    Npz.Contents c = Npz.read(good);
    Map<String, Npy.Array> arrays = new LinkedHashMap<>(c.arrays());
    arrays.put("W_rec", Npy.Array.of(new float[3][3]));
    Path mismatched = dir.resolve("mismatched.npz");
    Npz.write(mismatched, arrays, c.texts());
    assertMessage(mismatched, "W_rec should be an array of shape [4, 4]");
    Path future = dir.resolve("future.npz");
    Npz.write(future, c.arrays(), Map.of("network.json",
        c.texts().get("network.json").replace("\"version\": 1", "\"version\": 99")));
    assertMessage(future, "version 99");
    assertThrows(IllegalArgumentException.class, () -> Network.load(good, EiRnn.class));
  }

  private static void assertMessage(Path file, String expected) {
    var e = assertThrows(IllegalArgumentException.class, () -> Network.load(file));
    assertTrue(e.getMessage().contains(expected) && e.getMessage().contains(file.getFileName().toString()),
        e.getMessage());
  }

  @Test
  void aFailedSaveLeavesTheOldFileAlone() throws Exception {
    Path file = dir.resolve("net.npz");
    Files.writeString(file, "old");
    Path blocked = dir.resolve("ro");
    Files.createDirectories(blocked);
    Ctrnn net = Ctrnn.builder().inputSize(3).hiddenSize(4).outputSize(3).build();
    net.save(file);
    assertTrue(Files.size(file) > 3, "replaced by the new archive");
    assertThrows(java.io.UncheckedIOException.class, () -> net.save(blocked));
    assertTrue(Files.isDirectory(blocked), "a target that cannot be replaced is left as it was");
  }
}
