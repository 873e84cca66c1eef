"""Paths and texts shared by the tests."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
KIDAL = REPO / "claims"

#: The example store of the rule docstrings: outlets, documents, parties, subjects,
#: properties; tests add claims to it.
BASE = (REPO / "claimcheck" / "rules" / "examples.yaml").read_text(encoding="utf-8")

#: An invented march in Velmora on 12 April 2031 (the later-word and unattributed-figure
#: tests): the police, the organisers and a counting firm; tests add their outlets and
#: documents (the wire's ``m-0412`` is here) and claims.
MARCH = """\
outlets:
  - {id: meridian, name: Meridian Press, kind: wire}
documents:
  - {id: m-0412, outlet: meridian, published: 2031-04-12}
parties:
  - {id: police, name: Velmora Police, kind: state, side: government}
  - {id: civic-front, name: Civic Front, kind: ngo, side: opposition}
  - {id: crowdcount, name: CrowdCount, kind: ngo}
subjects:
  - {id: march, label: March, date: 2031-04-12, sides: [government, opposition]}
properties:
  - {id: crowd_size, type: quantity, unit: people}
"""
#: The police's 8,000 and the counting firm's 22,000, quoted by the wire on the day.
POLICE_8K = (
    "{id: police-8k, subject: march, property: crowd_size, value: 8000, source: m-0412, "
    "claimant: police}"
)
FIRM_22K = (
    "{id: firm-22k, subject: march, property: crowd_size, value: 22000, source: m-0412, "
    "claimant: crowdcount}"
)
