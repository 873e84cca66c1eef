"""The provenance graph as GraphML, for Gephi, yEd or networkx."""

from __future__ import annotations

import io
from typing import Any

from claimcheck.engine import Result
from claimcheck.provenance import Provenance


def graphml(result: Result) -> str:
    """Claimants, documents, outlets and owners, with their kinds and labels.

    Each claimant → document edge carries how many claims it stands for.
    """
    import networkx as nx

    graph = Provenance(result.store).graph.copy()
    counts: dict[tuple[str, str], int] = {}
    for claim in result.store.claims.values():
        if claim.source and claim.claimant:
            counts[(claim.claimant, claim.source)] = (
                counts.get((claim.claimant, claim.source), 0) + 1
            )
    for u, v, data in graph.edges(data=True):
        if data.get("relation") == "speaks-in":
            uid = graph.nodes[u].get("id") or ""
            vid = graph.nodes[v].get("id") or ""
            data["claims"] = counts.get((uid, vid), 0)
    for _, data in graph.nodes(data=True):
        _clean(data)
    for _, _, data in graph.edges(data=True):
        _clean(data)
    out = io.BytesIO()
    nx.write_graphml(graph, out, encoding="utf-8", prettyprint=True)
    return out.getvalue().decode("utf-8")


def _clean(data: dict[str, Any]) -> None:
    """GraphML holds strings and numbers only."""
    for key, value in list(data.items()):
        if value is None:
            data[key] = ""
        elif not isinstance(value, str | int | float | bool):
            data[key] = str(value)
