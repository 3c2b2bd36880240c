"""aicosts: exact, tested formulas for what large language models cost to train and serve.

The package has four layers, each importing only the layers before it:

formulas (:mod:`aicosts.formulas`)
    Pure functions that broadcast over numpy arrays and pandas Series, each documenting its
    equation and units and reproducing a published figure: training compute, costs by accounting
    method, parameter counts, KV cache, MoE, MTP, serving.
catalogues (:mod:`aicosts.catalogues`)
    Data shipped with the package and validated by code: published figures with sources and
    grades, Epoch AI's constants, the GPU catalogue, model configurations (one reader per Hugging
    Face model family).
accounting (:mod:`aicosts.accounting`)
    Tables that compose formulas and catalogues: methods side by side, fleet TCO, design
    comparisons, uncertainty.
case studies (:mod:`aicosts.cases`)
    The site's questions answered as tested functions (DeepSeek's fleet, the claims ledger);
    imported by name (``from aicosts.cases import claims``), not exported here.

The names below are the formulas, catalogues and accounting tables; each is also importable from
its module (``aicosts.rental_cost`` is ``aicosts.formulas.costs.rental_cost``).
"""

from __future__ import annotations

from aicosts.accounting.comparisons import kv_cache_comparison, moe_summary, serving_comparison
from aicosts.accounting.epoch import (
    EPOCH_DOLLARS_DEC_2024,
    EPOCH_RUNS,
    EpochTrainingRun,
    PriceIndexMonth,
    epoch_cost_table,
    epoch_costs,
)
from aicosts.accounting.fleet import fleet_tco
from aicosts.accounting.methods import METHODS, cost_by_method
from aicosts.accounting.uncertainty import Range, draw, monte_carlo
from aicosts.catalogues.epoch import (
    EIA_US_INDUSTRIAL_USD_PER_KWH_2023,
    EPOCH_DEFAULT_MFU,
    EPOCH_DEPRECIATION_LIFE_YEARS,
    EPOCH_INTERCONNECT_SHARE,
    EPOCH_LIFE_YEARS_HIGH,
    EPOCH_LIFE_YEARS_LOW,
    EPOCH_POWER_FRACTION_OF_TDP,
    EPOCH_PRICE_PERFORMANCE_OOM_PER_YEAR,
    EPOCH_PUE_HYPERSCALER,
    EPOCH_PUE_OTHER,
    EPOCH_SERVER_OVERHEAD_HIGH,
    EPOCH_SERVER_OVERHEAD_LOW,
    epoch_ownership,
    epoch_server_overhead,
    epoch_server_power_factor,
)
from aicosts.catalogues.hardware import GPU, GPUS, get_gpu, list_gpus
from aicosts.catalogues.models import (
    ConfigKeys,
    list_configs,
    load_config,
    read_hf_config,
    register_family,
    supported_model_types,
)
from aicosts.catalogues.published import published_figure, published_figures
from aicosts.formulas.architecture import ModelConfig
from aicosts.formulas.compute import (
    forward_flop_per_token,
    fractional_saving,
    gpu_hours_for_flop,
    gpu_hours_for_tokens,
    gpu_hours_for_wall_clock,
    model_flop_utilization,
    training_flop,
    training_flop_per_token,
    wall_clock_days,
)
from aicosts.formulas.costs import (
    acquisition_cost,
    amortized_ownership_cost,
    average_usd_per_gpu_hour,
    development_cost,
    energy_cost,
    hosting_cost,
    rental_cost,
    staff_cost,
    years_to_reach,
)
from aicosts.formulas.inference import (
    cost_profit_margin,
    serving_fleet_cost,
    token_revenue,
    usd_per_million_tokens,
)
from aicosts.formulas.kvcache import (
    kv_cache_bytes,
    kv_cache_bytes_per_token,
    kv_cache_elements_per_token,
    kv_elements_per_token_gqa,
    kv_elements_per_token_mha,
    kv_elements_per_token_mla,
    kv_elements_per_token_mqa,
)
from aicosts.formulas.moe import (
    all_to_all_bytes_per_token,
    moe_all_to_all_bytes_per_token,
    weight_memory_bytes,
)
from aicosts.formulas.mtp import (
    mtp_flop_share,
    mtp_parameter_share,
    mtp_training_flop_share,
    speculative_speedup,
    speculative_tokens_per_step,
)
from aicosts.formulas.ownership import (
    depreciated_value,
    depreciation_cost,
    inflation_adjusted_cost,
    interconnect_cost,
)
from aicosts.formulas.params import (
    ParamCount,
    attention_params_per_layer,
    model_training_flop_per_token,
    param_count,
)
from aicosts.formulas.serving import (
    compute_bound_tokens_per_s,
    decode_tokens_per_s_per_gpu,
    max_concurrent_sequences,
    memory_bound_tokens_per_s,
    serving_cost_per_million_tokens,
)

__version__ = "0.1.0"

#: The formulas, by module (the API pages and the nomenclature test walk this).
FORMULAS: tuple[str, ...] = (
    "usd_per_million_tokens",
    "token_revenue",
    "serving_fleet_cost",
    "cost_profit_margin",
    "acquisition_cost",
    "average_usd_per_gpu_hour",
    "all_to_all_bytes_per_token",
    "amortized_ownership_cost",
    "attention_params_per_layer",
    "compute_bound_tokens_per_s",
    "decode_tokens_per_s_per_gpu",
    "depreciated_value",
    "depreciation_cost",
    "development_cost",
    "energy_cost",
    "forward_flop_per_token",
    "fractional_saving",
    "gpu_hours_for_flop",
    "gpu_hours_for_tokens",
    "gpu_hours_for_wall_clock",
    "hosting_cost",
    "inflation_adjusted_cost",
    "interconnect_cost",
    "kv_cache_bytes",
    "kv_cache_bytes_per_token",
    "kv_cache_elements_per_token",
    "kv_elements_per_token_gqa",
    "kv_elements_per_token_mha",
    "kv_elements_per_token_mla",
    "kv_elements_per_token_mqa",
    "max_concurrent_sequences",
    "memory_bound_tokens_per_s",
    "model_flop_utilization",
    "moe_all_to_all_bytes_per_token",
    "mtp_flop_share",
    "mtp_parameter_share",
    "mtp_training_flop_share",
    "param_count",
    "rental_cost",
    "serving_cost_per_million_tokens",
    "speculative_speedup",
    "speculative_tokens_per_step",
    "staff_cost",
    "training_flop",
    "training_flop_per_token",
    "model_training_flop_per_token",
    "wall_clock_days",
    "weight_memory_bytes",
    "years_to_reach",
)

__all__ = [
    "EIA_US_INDUSTRIAL_USD_PER_KWH_2023",
    "EPOCH_DEFAULT_MFU",
    "EPOCH_DEPRECIATION_LIFE_YEARS",
    "EPOCH_DOLLARS_DEC_2024",
    "EPOCH_INTERCONNECT_SHARE",
    "EPOCH_LIFE_YEARS_HIGH",
    "EPOCH_LIFE_YEARS_LOW",
    "EPOCH_POWER_FRACTION_OF_TDP",
    "EPOCH_PRICE_PERFORMANCE_OOM_PER_YEAR",
    "EPOCH_PUE_HYPERSCALER",
    "EPOCH_PUE_OTHER",
    "EPOCH_RUNS",
    "EPOCH_SERVER_OVERHEAD_HIGH",
    "EPOCH_SERVER_OVERHEAD_LOW",
    "FORMULAS",
    "GPU",
    "GPUS",
    "METHODS",
    "ConfigKeys",
    "EpochTrainingRun",
    "ModelConfig",
    "ParamCount",
    "PriceIndexMonth",
    "Range",
    "__version__",
    "acquisition_cost",
    "all_to_all_bytes_per_token",
    "amortized_ownership_cost",
    "attention_params_per_layer",
    "average_usd_per_gpu_hour",
    "compute_bound_tokens_per_s",
    "cost_by_method",
    "cost_profit_margin",
    "decode_tokens_per_s_per_gpu",
    "depreciated_value",
    "depreciation_cost",
    "development_cost",
    "draw",
    "energy_cost",
    "epoch_cost_table",
    "epoch_costs",
    "epoch_ownership",
    "epoch_server_overhead",
    "epoch_server_power_factor",
    "fleet_tco",
    "forward_flop_per_token",
    "fractional_saving",
    "get_gpu",
    "gpu_hours_for_flop",
    "gpu_hours_for_tokens",
    "gpu_hours_for_wall_clock",
    "hosting_cost",
    "inflation_adjusted_cost",
    "interconnect_cost",
    "kv_cache_bytes",
    "kv_cache_bytes_per_token",
    "kv_cache_comparison",
    "kv_cache_elements_per_token",
    "kv_elements_per_token_gqa",
    "kv_elements_per_token_mha",
    "kv_elements_per_token_mla",
    "kv_elements_per_token_mqa",
    "list_configs",
    "list_gpus",
    "load_config",
    "max_concurrent_sequences",
    "memory_bound_tokens_per_s",
    "model_flop_utilization",
    "model_training_flop_per_token",
    "moe_all_to_all_bytes_per_token",
    "moe_summary",
    "monte_carlo",
    "mtp_flop_share",
    "mtp_parameter_share",
    "mtp_training_flop_share",
    "param_count",
    "published_figure",
    "published_figures",
    "read_hf_config",
    "register_family",
    "rental_cost",
    "serving_comparison",
    "serving_cost_per_million_tokens",
    "serving_fleet_cost",
    "speculative_speedup",
    "speculative_tokens_per_step",
    "staff_cost",
    "supported_model_types",
    "token_revenue",
    "training_flop",
    "training_flop_per_token",
    "usd_per_million_tokens",
    "wall_clock_days",
    "weight_memory_bytes",
    "years_to_reach",
]
