"""The tutorial's training data in NumPy, for rnnlab's PyTorch bench scripts: neurogym's
PerceptualDecisionMaking-v0 at dt 20 ms with a 1000 ms stimulus, served as neurogym's supervised Dataset serves it.

Trial (60 steps): fixation 5, stimulus 50, decision 5. Per trial, from the column's own RandomState: the correct side
(0 or 1), then a coherence from {0, 6.4, 12.8, 25.6, 51.2}, then Gaussian noise of standard deviation 1/sqrt(dt) for
the stimulus steps. Inputs [fixation, left, right]: fixation 1 until the decision period; during the stimulus each
side is 0.5 +/- coherence/200 (the correct side higher) plus noise. Labels: 0, and 1 + side in the decision period.

Dataset: one stream of back-to-back trials per batch column (seed * 1000 + column), written into a cache of 1600
steps (the last trial cut off), served in windows of seq_len steps; the cache is refilled when a window would reach
its end, so its last window is never served.
"""
import numpy as np

STEPS = (5, 50, 5)  # fixation, stimulus, decision at dt 20 ms
COHERENCES = np.array([0, 6.4, 12.8, 25.6, 51.2])


class Trials:
    """A stream of trials from one seeded generator."""

    def __init__(self, seed, dt=20):
        self.rng = np.random.RandomState(seed)
        self.sigma = 1.0 / np.sqrt(dt)

    def next(self):
        fix, stim, dec = STEPS
        side = self.rng.randint(0, 2)
        coh = COHERENCES[self.rng.randint(0, len(COHERENCES))]
        noise = self.rng.randn(stim, 2) * self.sigma
        ob = np.zeros((fix + stim + dec, 3), np.float32)
        ob[:fix + stim, 0] = 1
        # Rounded to float32 before the noise is added, as neurogym stores it.
        mean = (0.5 + np.array([1.0, -1.0] if side == 0 else [-1.0, 1.0]) * coh / 200).astype(np.float32)
        ob[fix:fix + stim, 1:] = mean.astype(np.float64) + noise
        label = np.zeros(fix + stim + dec, np.int64)
        label[fix + stim:] = side + 1
        return ob, label


class Dataset:
    """Windows of (seq_len, batch, 3) inputs and (seq_len, batch) labels; call it for the next one."""

    def __init__(self, batch=16, seq_len=100, seed=0):
        self.columns = [Trials(seed * 1000 + i) for i in range(batch)]
        self.seq_len = seq_len
        self.cache_len = int((1 + (1e5 / 4 / batch) // seq_len) * seq_len)
        self.inputs = np.zeros((self.cache_len, batch, 3), np.float32)
        self.labels = np.zeros((self.cache_len, batch), np.int64)
        self.refill()

    def refill(self):
        for i, trials in enumerate(self.columns):
            t = 0
            while t < self.cache_len:
                ob, label = trials.next()
                n = min(len(ob), self.cache_len - t)
                self.inputs[t:t + n, i] = ob[:n]
                self.labels[t:t + n, i] = label[:n]
                t += n
        self.start = 0

    def __call__(self):
        end = self.start + self.seq_len
        if end >= self.cache_len:
            self.refill()
            end = self.seq_len
        window = slice(self.start, end)
        self.start = end
        return self.inputs[window], self.labels[window]
