"""The provenance graph as GraphML, for Gephi, yEd or networkx."""

from __future__ import annotations

import io
import re
from typing import Any

from claimcheck.render import visible
from claimcheck.results import Result

#: What XML 1.0 cannot hold at all, even escaped, once control characters are shown
#: (:func:`visible`): lone surrogates (a file name that is not UTF-8) and U+FFFE, U+FFFF.
_NOT_XML = re.compile("[\ud800-\udfff\ufffe\uffff]")


def graphml(result: Result) -> str:
    """Claimants, documents, outlets and owners, with their kinds and labels.

    Each claimant → document edge carries how many claims it stands for.
    """
    import networkx as nx

    graph = result.provenance.graph.copy()
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
    unsafe = {n: xml_text(str(n)) for n in graph.nodes if xml_text(str(n)) != n}
    if unsafe:
        graph = nx.relabel_nodes(graph, unsafe)
    for _, data in graph.nodes(data=True):
        _clean(data)
    for _, _, data in graph.edges(data=True):
        _clean(data)
    out = io.BytesIO()
    nx.write_graphml(graph, out, encoding="utf-8", prettyprint=True)
    return out.getvalue().decode("utf-8")


def xml_text(text: str) -> str:
    """``text`` as XML 1.0 can hold it: control characters shown as escapes
    (``\\x1b``), and what XML cannot hold at all left out."""
    return _NOT_XML.sub("", visible(text))


def _clean(data: dict[str, Any]) -> None:
    """GraphML holds strings and numbers only, and only text XML can hold."""
    for key, value in list(data.items()):
        if value is None:
            data[key] = ""
        elif isinstance(value, str):
            data[key] = xml_text(value)
        elif not isinstance(value, int | float | bool):
            data[key] = xml_text(str(value))
