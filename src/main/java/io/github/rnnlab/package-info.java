/**
 * rnnlab: train and analyse recurrent-network models of cognition from Java and Kotlin notebooks.
 * {@link io.github.rnnlab.TutorialFigures} regenerates the tutorial's figures.
 */
@NullMarked
package io.github.rnnlab;

import org.jspecify.annotations.NullMarked;
