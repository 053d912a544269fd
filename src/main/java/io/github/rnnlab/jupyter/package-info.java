/**
 * Rich display in Java and Kotlin notebook kernels: tables as HTML, figures and charts as PNG, live training and sweep
 * progress. The kernels' APIs are compile-only; {@link io.github.rnnlab.jupyter.RnnlabJupyter} (JJava) and
 * {@link io.github.rnnlab.jupyter.RnnlabRapaioDisplay} (rapaio-jupyter-kernel), found through their service files, and
 * {@link io.github.rnnlab.jupyter.RnnlabKotlinIntegration} (the Kotlin kernel), found through
 * {@code META-INF/kotlin-jupyter-libraries/libraries.json}, are the only classes that touch a kernel.
 */
@NullMarked
package io.github.rnnlab.jupyter;

import org.jspecify.annotations.NullMarked;
