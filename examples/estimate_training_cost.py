"""Estimate the cost of your own training run: FLOP, GPU-hours, days, rental and ownership.

Edit the inputs at the top. The defaults describe a hypothetical 7B-parameter dense model trained
on 2T tokens on 256 H100s at Epoch AI's default utilisation (37.5%). Prices: H100 rental
$1.99-$3.49 per GPU-hour at small clouds and the $33,750 purchase price (Epoch AI, as reported
in sources.md, grade B); electricity at the 2023 US industrial average (EIA, via Epoch AI).
"""

import aicosts
from aicosts import Range, monte_carlo

# --- your run (assumptions: change these) ---------------------------------------------------
PARAMS = 7e9  # parameters used per token [parameter]; for a MoE, the activated ones
TOKENS = 2e12  # training tokens [token]
GPU = aicosts.get_gpu("H100")
PRECISION = "bf16"
N_GPUS = 256
MFU = aicosts.EPOCH_DEFAULT_MFU  # 0.375 when you have not measured your own
MFU_RANGE = Range(0.30, MFU, 0.43)  # 0.30 our assumption; 0.43 Llama 3.1's reported high
PRICE_LOW = aicosts.published_figure("h100_rental_usd_per_gpu_hour_low")
PRICE_HIGH = aicosts.published_figure("h100_rental_usd_per_gpu_hour_high")
USD_PER_KWH = aicosts.EIA_US_INDUSTRIAL_USD_PER_KWH_2023

# --- the arithmetic -----------------------------------------------------------------------
peak = GPU.peak_flop_per_s(PRECISION)
flop = aicosts.training_flop(PARAMS, TOKENS)
hours = aicosts.gpu_hours_for_flop(flop, peak, MFU)
days = aicosts.wall_clock_days(hours, N_GPUS)
# Epoch AI's ownership assumptions for this GPU, as the site's tables use them: the H100's
# price is a DGX share (no server overhead again), its server draws ≈ 1.82 × TDP.
owned = aicosts.amortized_ownership_cost(
    hours, GPU.usd_price, GPU.tdp_watts, USD_PER_KWH, **aicosts.epoch_ownership(GPU)
)

rows = [
    ("Training compute (6ND)", f"{flop:.3e} FLOP"),
    (f"GPU-hours at MFU {MFU:.1%}", f"{hours:,.0f} {GPU.name} GPU-h"),
    (f"Wall clock on {N_GPUS} GPUs", f"{days:.1f} days"),
    *[
        (f"Rental at ${p:.2f}/GPU-h", f"${aicosts.rental_cost(hours, p):,.0f}")
        for p in (PRICE_LOW, PRICE_HIGH)
    ],
    ("Amortised ownership + power", f"${owned:,.0f}"),
]
for label, value in rows:
    print(f"{label:<30} {value}")


def rental_for(mfu, usd_per_gpu_hour):
    """Rental cost of this run at a utilisation and a price (vectorised)."""
    return aicosts.rental_cost(aicosts.gpu_hours_for_flop(flop, peak, mfu), usd_per_gpu_hour)


price_range = Range(PRICE_LOW, (PRICE_LOW + PRICE_HIGH) / 2, PRICE_HIGH)
q = monte_carlo(rental_for, num_samples=20_000, seed=0, mfu=MFU_RANGE, usd_per_gpu_hour=price_range)

print(f"{'Rental, 90% range':<30} ${q[5.0]:,.0f} to ${q[95.0]:,.0f} (median ${q[50.0]:,.0f})")
