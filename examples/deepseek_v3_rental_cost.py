"""Recompute DeepSeek-V3's $5.576M training cost from Table 1 of its technical report.

The cost is a rental price: H800 GPU-hours of the final training run times the $2 per GPU-hour
that DeepSeek assumed. It excludes research and ablation runs, hardware ownership and staff.
Source: DeepSeek-AI, "DeepSeek-V3 Technical Report", arXiv:2412.19437, Table 1.
"""

import aicosts

STAGES = {
    "pre-training": "deepseek_v3_pretraining_gpu_hours",
    "context extension": "deepseek_v3_context_extension_gpu_hours",
    "post-training": "deepseek_v3_post_training_gpu_hours",
}

price = aicosts.published_figure("deepseek_v3_usd_per_gpu_hour")  # USD per H800 GPU-hour
print(f"DeepSeek-V3 training cost at ${price:.2f} per H800 GPU-hour")
total_hours = 0.0
for stage, key in STAGES.items():
    hours = aicosts.published_figure(key)
    total_hours += hours
    cost = aicosts.rental_cost(hours, price)
    print(f"  {stage:<18} {hours:>12,.0f} GPU-h  ${cost:>12,.0f}")
total = aicosts.rental_cost(total_hours, price)
print(f"  {'total':<18} {total_hours:>12,.0f} GPU-h  ${total:>12,.0f}")
