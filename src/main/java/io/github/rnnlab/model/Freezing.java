package io.github.rnnlab.model;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Chooses which parameters training updates, for any {@link RecurrentNetwork}: a frozen parameter keeps its values
 * bit for bit (the {@code Trainer}'s Adam skips it and the gradient norm ignores it). Exercise 6, readout only:
 *
 * <pre>{@code
 * Freezing.freezeAllExcept(net, "W_out", "b_out");
 * Trainer.defaults().train(net, data);
 * }</pre>
 *
 * <p>Names are checked: an unknown name throws and lists the network's parameters. Freezing sets
 * {@link Parameter#setTrainable}; {@link #unfreezeAll} undoes it.
 *
 * @since 0.1.0
 */
public final class Freezing {
  private Freezing() {}

  /**
   * Freezes every parameter except those named, which become trainable.
   *
   * @throws IllegalArgumentException if a name is not a parameter of {@code network}
   */
  public static void freezeAllExcept(RecurrentNetwork network, String... trainable) {
    freezeAllExcept(network, Arrays.asList(trainable));
  }

  /**
   * Freezes every parameter except those named, which become trainable.
   *
   * @throws IllegalArgumentException if a name is not a parameter of {@code network}
   */
  public static void freezeAllExcept(RecurrentNetwork network, Collection<String> trainable) {
    Set<String> keep = checked(network, trainable);
    for (Parameter p : network.parameters()) {
      p.setTrainable(keep.contains(p.name()));
    }
  }

  /**
   * Freezes the parameters named and leaves the others as they are.
   *
   * @throws IllegalArgumentException if a name is not a parameter of {@code network}
   */
  public static void freeze(RecurrentNetwork network, String... names) {
    freeze(network, Arrays.asList(names));
  }

  /**
   * Freezes the parameters named and leaves the others as they are.
   *
   * @throws IllegalArgumentException if a name is not a parameter of {@code network}
   */
  public static void freeze(RecurrentNetwork network, Collection<String> names) {
    for (String name : checked(network, names)) {
      network.parameter(name).setTrainable(false);
    }
  }

  /** Makes every parameter trainable again. */
  public static void unfreezeAll(RecurrentNetwork network) {
    for (Parameter p : network.parameters()) {
      p.setTrainable(true);
    }
  }

  /** The names of the parameters training updates, in parameter order. */
  public static List<String> trainableNames(RecurrentNetwork network) {
    return network.parameters().stream().filter(Parameter::trainable).map(Parameter::name).toList();
  }

  /** The names of the frozen parameters, in parameter order. */
  public static List<String> frozenNames(RecurrentNetwork network) {
    return network.parameters().stream().filter(p -> !p.trainable()).map(Parameter::name).toList();
  }

  private static Set<String> checked(RecurrentNetwork network, Collection<String> names) {
    Set<String> set = new LinkedHashSet<>(names);
    for (String name : set) {
      network.parameter(name); // throws, naming the parameters, if unknown
    }
    return set;
  }
}
