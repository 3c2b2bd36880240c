"""aicosts: exact, tested formulas for what large language models cost to train and serve.

Every function is a pure formula that broadcasts over numpy arrays and pandas Series, documents
its equation and units, and reproduces a published figure in its examples. The modules, by topic:

- :mod:`aicosts.compute`: training FLOP, GPU-hours, MFU, wall-clock time.
- :mod:`aicosts.hardware`: the GPU catalogue (H100, H800, H20, H200, A100).
- :mod:`aicosts.costs`: one function per accounting method (rental, amortised ownership,
  acquisition, development, fleet TCO) and the side-by-side :func:`cost_by_method`.
- :mod:`aicosts.uncertainty`: low/central/high ranges and a seeded Monte Carlo.
- :mod:`aicosts.figures`: the table of published figures the site uses, with sources and grades.
- :mod:`aicosts.claims`: the ledger of the fact-checked article's claims, with verdicts and
  the aicosts reproduction of each computable one.
- :mod:`aicosts.config`: model architectures from Hugging Face ``config.json`` dictionaries.
- :mod:`aicosts.params`: parameter counts, total and active, by component.
- :mod:`aicosts.kvcache`: KV cache per token for MHA, GQA, MQA and MLA.
- :mod:`aicosts.moe`: mixture-of-experts compute, weight memory and all-to-all traffic.
- :mod:`aicosts.mtp`: multi-token prediction and speculative decoding.
- :mod:`aicosts.serving`: roofline decode throughput and cost per million tokens.

Every public name of these modules is re-exported here (``aicosts.rental_cost`` and
``aicosts.costs.rental_cost`` are the same function).
"""

from __future__ import annotations

from aicosts import (
    claims,
    compute,
    config,
    costs,
    figures,
    hardware,
    kvcache,
    moe,
    mtp,
    params,
    serving,
    uncertainty,
)
from aicosts.claims import *  # noqa: F403
from aicosts.compute import *  # noqa: F403
from aicosts.config import *  # noqa: F403
from aicosts.costs import *  # noqa: F403
from aicosts.figures import *  # noqa: F403
from aicosts.hardware import *  # noqa: F403
from aicosts.kvcache import *  # noqa: F403
from aicosts.moe import *  # noqa: F403
from aicosts.mtp import *  # noqa: F403
from aicosts.params import *  # noqa: F403
from aicosts.serving import *  # noqa: F403
from aicosts.uncertainty import *  # noqa: F403

__version__ = "0.1.0"

__all__ = [
    "__version__",
    *claims.__all__,
    *compute.__all__,
    *config.__all__,
    *costs.__all__,
    *figures.__all__,
    *hardware.__all__,
    *kvcache.__all__,
    *moe.__all__,
    *mtp.__all__,
    *params.__all__,
    *serving.__all__,
    *uncertainty.__all__,
]
