"""Exports: the provenance graph as GraphML, ClaimReview JSON-LD, a flat CSV of claims."""

from claimcheck.export.claimreview import claimreview
from claimcheck.export.csv import claims_csv
from claimcheck.export.graphml import graphml

__all__ = ["claimreview", "claims_csv", "graphml"]
