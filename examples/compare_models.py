"""Compare DeepSeek-V3 and Llama-3.1-405B on the same accounting method and the same prices.

GPU-hours as published: DeepSeek-V3 2.788M H800-hours for its official training (DeepSeek-V3
Technical Report, Table 1); Llama-3.1-405B 30.84M H100-hours of cumulative training time
(MODEL_CARD.md). Both are priced at the same $2 per GPU-hour (DeepSeek's assumption) and owned
at their catalogue purchase prices with Epoch AI's constants and the same electricity price.
"""

import aicosts

USD_PER_GPU_HOUR = aicosts.published_figure("deepseek_v3_usd_per_gpu_hour")
USD_PER_KWH = aicosts.EIA_US_INDUSTRIAL_USD_PER_KWH_2023

runs = {
    "DeepSeek-V3": {
        "gpu": "H800",
        "gpu_hours": aicosts.published_figure("deepseek_v3_total_gpu_hours"),
        "active_params": aicosts.published_figure("deepseek_v3_active_params"),
        "tokens": aicosts.published_figure("deepseek_v3_training_tokens"),
    },
    "Llama-3.1-405B": {
        "gpu": "H100",
        "gpu_hours": aicosts.published_figure("llama31_405b_gpu_hours"),
        "active_params": aicosts.published_figure("llama31_405b_params"),
        "tokens": aicosts.published_figure("llama31_405b_tokens"),
    },
}

print(f"Same assumptions: ${USD_PER_GPU_HOUR:.2f} per GPU-hour, ${USD_PER_KWH} per kWh")
print(
    f"{'model':<15} {'GPU-hours':>12} {'rental':>10} {'amortised':>10} {'rental per 1e24 FLOP':>21}"
)
results = {}
for model, run in runs.items():
    gpu = aicosts.get_gpu(run["gpu"])
    rental = aicosts.rental_cost(run["gpu_hours"], USD_PER_GPU_HOUR)
    owned = aicosts.amortized_ownership_cost(
        run["gpu_hours"], gpu.usd_price, gpu.tdp_watts, USD_PER_KWH, **aicosts.epoch_ownership(gpu)
    )
    flop = aicosts.training_flop(run["active_params"], run["tokens"])
    results[model] = (rental, owned)
    cells = [rental, owned, rental / (flop / 1e24)]
    shown = [f"${v / 1e6:.2f}M" for v in cells]
    print(
        f"{model:<15} {run['gpu_hours'] / 1e6:>9.3f}M {shown[0]:>9} {shown[1]:>10} {shown[2]:>21}"
    )
(v3_rent, v3_own), (llama_rent, llama_own) = results.values()
print(
    f"Llama-3.1-405B / DeepSeek-V3: rental {llama_rent / v3_rent:.1f}x, "
    f"amortised {llama_own / v3_own:.1f}x"
)
