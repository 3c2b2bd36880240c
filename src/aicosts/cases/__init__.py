"""Case studies: the site's questions answered with the library, as tested functions.

Imported by name, never star-exported into :mod:`aicosts`:

- :mod:`aicosts.cases.deepseek_fleet` -- which assumptions make a fleet model agree with
  SemiAnalysis's figures for DeepSeek/High-Flyer's fleet.
- :mod:`aicosts.cases.claims` -- the ledger of the fact-checked article's claims, with verdicts
  and the reproduction of each computable one.
"""
