"""Catalogues: data shipped with aicosts in ``aicosts/data/``, loaded and validated by code.

- :mod:`~aicosts.catalogues.published` -- the table of published figures, with sources and grades.
- :mod:`~aicosts.catalogues.epoch` -- Epoch AI's method constants, read from that table.
- :mod:`~aicosts.catalogues.hardware` -- the GPU catalogue (``data/gpus.csv``).
- :mod:`~aicosts.catalogues.models` -- model configurations: one reader per Hugging Face model
  family, and the shipped ``config.json`` files.

A sourced number is typed once, in a data file; code reads it.
"""
