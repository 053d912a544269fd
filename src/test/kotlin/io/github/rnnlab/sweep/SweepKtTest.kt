package io.github.rnnlab.sweep

import java.io.ByteArrayOutputStream
import java.io.ObjectOutputStream
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test

class SweepKtTest {
    @Test
    fun `a sweep takes Kotlin lambdas, and Spark can ship them`() {
        val reports = mutableListOf<Int>()
        val result = SweepPlan.builder().vary("x", listOf(1, 2)).seeds(listOf(1L, 2L))
            .executor(SweepExecutor.local(2)).progress { status -> reports.add(status.done()) }.build()
            .execute { run -> mapOf("y" to run.getInt("x") * 10.0 + run.seed()) }

        assertEquals(listOf(11.0, 12.0, 21.0, 22.0), result.toTable().doubleColumn("y").asList())
        assertEquals(listOf(0, 1, 2, 3, 4), reports)

        val offset = 5
        val function = SweepFunction { run -> mapOf("y" to run.seed() + offset) }
        ObjectOutputStream(ByteArrayOutputStream()).use { it.writeObject(function) }
    }
}
