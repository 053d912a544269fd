package io.github.rnnlab

import io.github.rnnlab.analysis.Evaluation
import io.github.rnnlab.analysis.Pca
import io.github.rnnlab.data.Dataset
import io.github.rnnlab.model.Ctrnn
import io.github.rnnlab.task.Tasks
import io.github.rnnlab.train.Trainer
import java.nio.file.Files
import java.nio.file.Path
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

/** Runs the README's Kotlin section and checks the README still shows this code. */
class ReadmeKotlinTest {
    @Test
    fun `the README's Kotlin flow runs`() {
        // README begin
        val task = Tasks.perceptualDecisionMaking(20.0, 1000.0)
        val net = Ctrnn.forTask(task, 128, 3)
        val history = Trainer.defaults().train(net, Dataset.of(task, 16, 100, 3))
        val eval = Evaluation.run(net, task, 500, 4)
        val pca = Pca.fit(eval.activity(), 2)
        println("accuracy ${eval.accuracy()}, final loss ${history.finalLoss()}")
        val figure = pca.plotTrajectories(eval).toImage()
        // README end
        assertEquals(1000, history.steps())
        assertTrue(eval.accuracy() > 0.8, "accuracy ${eval.accuracy()}")
        assertTrue(figure.width > 0)
    }

    @Test
    fun `the README shows this test's code`() {
        val source = Files.readString(Path.of("src/test/kotlin/io/github/rnnlab/ReadmeKotlinTest.kt"))
        val tested = source.substringAfter("// README begin\n").substringBefore("        // README end")
            .lines().map { it.trim() }.filter { it.isNotEmpty() }
        val readme = Files.readString(Path.of("README.md"))
        val shown = readme.substringAfter("```kotlin\n").substringBefore("```")
            .lines().map { it.trim() }.filter { it.isNotEmpty() }
        assertEquals(shown, tested)
    }
}
