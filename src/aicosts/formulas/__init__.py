"""Formulas: pure functions of numbers (and of a model's shape), one topic per module.

Every public formula declares its parameters' domains once (:func:`aicosts._contract.formula`),
broadcasts over numpy arrays and pandas Series, documents its equation and units, and reproduces a
published figure in its examples.

- :mod:`~aicosts.formulas.compute` -- training FLOP, GPU-hours, MFU, wall-clock time.
- :mod:`~aicosts.formulas.costs` -- one formula per accounting method (rental, energy, acquisition,
  amortized ownership, development) and the cost lines of a fleet (hosting, staff).
- :mod:`~aicosts.formulas.ownership` -- what owning hardware costs over time: depreciation,
  interconnect, inflation adjustment (Epoch AI's conventions).
- :mod:`~aicosts.formulas.architecture` -- :class:`~aicosts.ModelConfig`, a model's shape.
- :mod:`~aicosts.formulas.params` -- parameter counts, total and active, by component.
- :mod:`~aicosts.formulas.kvcache` -- KV cache per token for MHA, GQA, MQA and MLA.
- :mod:`~aicosts.formulas.moe` -- mixture-of-experts weight memory and all-to-all traffic.
- :mod:`~aicosts.formulas.mtp` -- multi-token prediction and speculative decoding.
- :mod:`~aicosts.formulas.inference` -- what serving tokens costs and earns: fleet cost, revenue at
  a price list, cost profit margin, cost per million tokens.
- :mod:`~aicosts.formulas.serving` -- roofline decode throughput and cost per million tokens.

Formulas import nothing from the catalogues, the accounting tables or the case studies.
"""
