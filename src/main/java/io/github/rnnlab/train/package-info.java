/**
 * Training: {@link io.github.rnnlab.train.Trainer} (BPTT with Adam), {@link
 * io.github.rnnlab.train.TrainingSession} (the optimiser kept across calls), {@link io.github.rnnlab.train.Curriculum}
 * (stages advanced at a performance threshold), the {@link io.github.rnnlab.train.TrainingHistory} and progress
 * reporting, penalties, and continual learning: {@link io.github.rnnlab.train.SequentialTraining} (tasks one after
 * another, tested after each) with the consolidation penalties {@link
 * io.github.rnnlab.train.ElasticWeightConsolidation} and {@link io.github.rnnlab.train.IntelligentSynapses}.
 */
@NullMarked
package io.github.rnnlab.train;

import org.jspecify.annotations.NullMarked;
