package io.github.rnnlab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rnnlab.data.Dataset;
import io.github.rnnlab.task.PerceptualDecisionMaking;
import io.github.rnnlab.task.Tasks;
import io.github.rnnlab.train.Trainer;
import io.github.rnnlab.train.TrainingHistory;
import io.github.rnnlab.train.TrainingProgress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Same seed, same bits, whatever the number of cores: short trainings (a CTRNN with recurrent noise, an EI network, an
 * LSTM whose width leaves vector tails; batches of 10, so the two fixed halves are odd) run in fresh JVMs that see 1,
 * 2 and 4 cores ({@code -XX:ActiveProcessorCount}) and must leave byte-identical losses and parameters.
 */
class DeterminismTest {

  @Test
  void trainingIsByteIdenticalWithOneTwoAndFourCores() throws Exception {
    Map<Integer, Process> running = new TreeMap<>();
    for (int cores : new int[] {1, 2, 4}) {
      List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-XX:ActiveProcessorCount=" + cores, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
          Child.class.getName());
      running.put(cores, new ProcessBuilder(command).redirectErrorStream(true).start());
    }
    Map<Integer, String> digests = new TreeMap<>();
    for (var r : running.entrySet()) {
      String out = new String(r.getValue().getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(0, r.getValue().waitFor(), r.getKey() + " cores: " + out);
      String last = out.strip().lines().reduce((a, b) -> b).orElse("");
      assertTrue(last.startsWith("digest ") && last.endsWith("cores " + r.getKey()), r.getKey() + " cores: " + out);
      digests.put(r.getKey(), last.substring(0, last.indexOf(" cores ")));
    }
    assertEquals(1, digests.values().stream().distinct().count(), digests.toString());
  }

  /** One child run: trains the networks and prints a digest of their losses and parameters, and its core count. */
  static final class Child {
    private Child() {}

    public static void main(String[] args) {
      PerceptualDecisionMaking task = Tasks.perceptualDecisionMaking(20, 300);
      MessageDigest digest = sha256();
      Trainer trainer = Trainer.builder().steps(12).progress(TrainingProgress.silent()).build();
      List<RecurrentNetwork> nets = List.of(
          Ctrnn.builder().forTask(task).hiddenSize(48).sigmaRec(0.1).seed(5).build(),
          EiRnn.builder().forTask(task).hiddenSize(40).sigmaRec(0.15).seed(8).build(),
          Lstm.forTask(task, 21, 6));
      for (RecurrentNetwork net : nets) {
        TrainingHistory history = trainer.train(net, Dataset.of(task, 10, 20, 7));
        for (double loss : history.values(TrainingHistory.LOSS)) {
          digest.update(ByteBuffer.allocate(8).putDouble(loss).array());
        }
        for (Parameter p : net.parameters()) {
          for (float[] row : p.values()) {
            ByteBuffer b = ByteBuffer.allocate(4 * row.length);
            b.asFloatBuffer().put(row);
            digest.update(b.array());
          }
        }
      }
      System.out.println("digest " + HexFormat.of().formatHex(digest.digest()) + " cores "
          + Runtime.getRuntime().availableProcessors());
    }

    private static MessageDigest sha256() {
      try {
        return MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
