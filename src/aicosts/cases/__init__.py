"""Case studies: the site's questions answered with the library, as tested functions.

Imported by name, never star-exported into :mod:`aicosts`:

- :mod:`aicosts.cases.deepseek_fleet` -- which assumptions make a fleet model agree with
  SemiAnalysis's figures for DeepSeek/High-Flyer's fleet.
- :mod:`aicosts.cases.claims` -- the ledger of the fact-checked article's claims, with verdicts
  and the reproduction of each computable one.
- :mod:`aicosts.cases.cost_debate` -- DeepSeek-V3's $5.576M against the ~$1.6B: every method,
  the fleet's readings, the uncertainty bands and every number of the cost-debate page.
- :mod:`aicosts.cases.attention` -- what multi-head latent attention saves when serving
  DeepSeek-V3: cache per token, sequences per GPU, cost per token (the MLA page).
- :mod:`aicosts.cases.experts` -- what DeepSeek-V3's mixture of experts changes: parameters
  held and used, compute and memory against dense models (the MoE page).
- :mod:`aicosts.cases.multi_token` -- what multi-token prediction costs in training and what
  its speculative decoding gives (the MTP page).
- :mod:`aicosts.cases.deepseek_serving` -- DeepSeek's own account of a day of serving V3 and R1
  (the "Day 6" post), recomputed from its inputs.
"""
