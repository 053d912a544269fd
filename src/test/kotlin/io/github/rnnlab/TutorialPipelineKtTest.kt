package io.github.rnnlab

import io.github.rnnlab.analysis.Evaluation
import io.github.rnnlab.analysis.Pca
import io.github.rnnlab.data.Dataset
import io.github.rnnlab.model.Ctrnn
import io.github.rnnlab.task.Tasks
import io.github.rnnlab.train.Trainer
import io.github.rnnlab.train.TrainingProgress
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

class TutorialPipelineKtTest {
    @Test
    fun `the tutorial's flow runs from Kotlin`() {
        val task = Tasks.perceptualDecisionMaking(20.0, 1000.0)
        val net = Ctrnn.forTask(task, 32, 1)
        val history = Trainer.builder().steps(50).progress(TrainingProgress.silent()).build()
            .train(net, Dataset.of(task, 16, 100, 1))
        val eval = Evaluation.run(net, task, 40, 2)
        val pca = Pca.fit(eval.activity(), 2)

        assertEquals(50, history.toTable().rowCount())
        assertEquals(40, eval.toTable().rowCount())
        assertTrue(pca.explainedVarianceRatio().sum() in 0.0..1.0)
        assertEquals(2, pca.plotTrajectories(eval).charts().size)
    }
}
