package io.github.rnnlab.train;

import io.github.rnnlab.data.BatchSource;
import io.github.rnnlab.model.RecurrentNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A weight penalty that protects what a network learned on earlier tasks, for continual learning: after training on a
 * task, {@link #consolidate} measures how much each parameter mattered for it and anchors the parameters there; from
 * then on the penalty pulls every parameter back towards its anchors, in proportion to its importance. Anchors and
 * importances accumulate over tasks. Before the first consolidation the penalty is 0. {@link SequentialTraining}
 * consolidates after each of its stages.
 *
 * <pre>{@code
 * var ewc = Penalty.ewc(100);
 * var session = Trainer.builder().penalty(ewc).build().session(net);
 * session.train(goData, 500);
 * ewc.consolidate(net, goData);       // protect go
 * session.train(antiData, 500);       // learns anti, pulled back towards go's weights
 * }</pre>
 *
 * <p>Implementations: {@link ElasticWeightConsolidation} (Kirkpatrick et al. 2017) and {@link IntelligentSynapses}
 * (Zenke, Poole &amp; Ganguli 2017). They keep state, so use one instance for one network.
 */
public interface ConsolidationPenalty extends WeightPenalty {

  /**
   * Ends a task: measures each parameter's importance for it (on batches from {@code taskData} if the method needs
   * data) and anchors the parameters at their current values. Overwrites the parameters' gradients if it computes
   * any; call it between training calls.
   *
   * @throws IllegalArgumentException if the network is not the one this penalty has seen, or the data do not fit it
   * @throws IllegalStateException if the method has nothing to consolidate (intelligent synapses that heard no step)
   */
  void consolidate(RecurrentNetwork network, BatchSource taskData);

  /** The number of tasks consolidated so far. */
  int tasksConsolidated();

  /**
   * The importance of every entry of parameter {@code name}, summed over the tasks consolidated so far, as a float
   * array of the parameter's shape: the Fisher information for EWC, Ω for intelligent synapses. The penalty's
   * strength is not in it.
   *
   * @throws IllegalArgumentException if there is no such parameter
   * @throws IllegalStateException if nothing was consolidated yet
   */
  INDArray importance(String name);
}
