"""Track records of outlets and parties: what each published or said, how much of it
others confirm or dispute (`claimcheck sources`): :mod:`.outlets` for the outlets,
:mod:`.parties` for the claimants (a ministry, an army) — the same review.
"""

from claimcheck.track_records.outlets import (
    OutletRecord,
    outlet_claims,
    outlet_records,
    track_record,
)
from claimcheck.track_records.parties import (
    STANDING,
    ClaimFacts,
    PartyRecord,
    party_claims,
    party_records,
)

__all__ = [
    "STANDING",
    "ClaimFacts",
    "OutletRecord",
    "PartyRecord",
    "outlet_claims",
    "outlet_records",
    "party_claims",
    "party_records",
    "track_record",
]
