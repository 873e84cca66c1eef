"""Imports every rule module, which registers it. Add new rules here."""

from claimcheck.rules import (  # noqa: F401
    cc101_quantity_conflict,
    cc102_category_conflict,
    cc103_date_conflict,
    cc104_stance_conflict,
    cc105_toll_revision,
    cc106_toll_decrease,
    cc107_self_contradiction,
    cc201_single_origin,
    cc202_interested_only,
    cc203_circular_corroboration,
    cc204_uncited,
    cc205_anonymous_only,
    cc206_suspected_relay,
    cc301_anachronism,
    cc302_retrieved_before_published,
    cc303_duplicate_claim,
)
