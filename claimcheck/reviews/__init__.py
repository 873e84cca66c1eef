"""Reviews on findings: a person's verdict attached to the finding it was recorded on,
or to the finding that continues it (:mod:`.attach`); what changed in a dispute since
its review (:mod:`.disputes`); and the reviews a candidate check would leave matching
nothing (:mod:`.stale`)."""

from claimcheck.reviews.attach import attach_reviews, continues, reopened_changes
from claimcheck.reviews.stale import reviews_made_stale, reviews_of_nothing

__all__ = [
    "attach_reviews",
    "continues",
    "reopened_changes",
    "reviews_made_stale",
    "reviews_of_nothing",
]
