"""Accounting: tables that compose the formulas with the catalogues.

- :mod:`~aicosts.accounting.methods` -- one run under every accounting method, side by side.
- :mod:`~aicosts.accounting.epoch` -- Epoch AI's three methods for one training run, as its code
  computes them.
- :mod:`~aicosts.accounting.fleet` -- fleet total cost of ownership, itemised.
- :mod:`~aicosts.accounting.comparisons` -- one model shape under alternative designs (KV cache,
  MoE, serving).
- :mod:`~aicosts.accounting.uncertainty` -- low/central/high ranges and a seeded Monte Carlo.
"""
