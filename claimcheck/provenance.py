"""Provenance: who said it, in which document, published by whom, owned by whom.

A claim's provenance is a path: claim → claimant → document → outlet → owner, plus the
documents it ``cites``. The graph (networkx) holds the provenance nodes — claimants,
documents, outlets, owners — not the claims: a million claims share a few thousand
sources. Two claims corroborate each other independently only when their provenance
shares no claimant (an outlet reporting on its own adds none), no document chain, no
outlet and no owner. The independent origins behind a set of claims are the connected
groups among them once shared nodes are merged (:meth:`Provenance.origin_groups`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cached_property
from typing import TYPE_CHECKING

from claimcheck.model import Claim
from claimcheck.store import Store

if TYPE_CHECKING:
    import networkx as nx

# Node keys: a kind letter and an id, so that ids of different sections never collide.
CLAIMANT, DOCUMENT, OUTLET, OWNER = "claimant", "document", "outlet", "owner"


def node(kind: str, record_id: str) -> str:
    return f"{kind}:{record_id}"


class Provenance:
    """The provenance graph of a store, and independence between its claims."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._document_nodes: dict[str, frozenset[str]] = {}
        self._descriptions: dict[str, str] = {}
        #: A claim's nodes, by its (claimant, source).
        self._by_pair: dict[tuple[str | None, str | None], frozenset[str]] = {}
        #: A claimant's own nodes, by (claimant, whether it is the document's outlet).
        self._speakers: dict[tuple[str | None, bool], frozenset[str]] = {}

    # -- the graph ---------------------------------------------------------------------

    @cached_property
    def graph(self) -> nx.DiGraph:
        """Claimants → documents → outlets → owners, and documents → cited documents.

        Each node has ``kind`` and ``label``; edges have ``relation`` (``speaks-in``,
        ``published-by``, ``owned-by``, ``cites``). Built once per store.
        """
        import networkx as nx

        store = self.store
        g = nx.DiGraph()
        for outlet in store.outlets.values():
            o = node(OUTLET, outlet.id)
            g.add_node(o, kind=OUTLET, label=outlet.name, id=outlet.id)
            w = node(OWNER, outlet.owner_key)
            g.add_node(w, kind=OWNER, label=outlet.owner or outlet.name, id=outlet.owner_key)
            g.add_edge(o, w, relation="owned-by")
        for doc in store.documents.values():
            d = node(DOCUMENT, doc.id)
            g.add_node(
                d,
                kind=DOCUMENT,
                label=doc.title or doc.id,
                id=doc.id,
                published=doc.published.isoformat() if doc.published else "",
            )
            if doc.outlet:
                g.add_edge(d, node(OUTLET, doc.outlet), relation="published-by")
            for cited in doc.cites:
                g.add_edge(d, node(DOCUMENT, cited), relation="cites")
        seen: set[tuple[str, str]] = set()
        for claim in store.claims.values():
            speaker = self._speaker(claim)
            if speaker is None or claim.source is None:
                continue
            pair = (speaker, claim.source)
            if pair in seen:
                continue
            seen.add(pair)
            if speaker not in g:
                party = store.parties.get(claim.claimant or "")
                g.add_node(
                    speaker,
                    kind=CLAIMANT,
                    id=claim.claimant,
                    label=party.name if party else store.name_of(claim.claimant),
                )
            g.add_edge(speaker, node(DOCUMENT, claim.source), relation="speaks-in")
        return g

    def _speaker(self, claim: Claim) -> str | None:
        """The claimant's node, unless the claimant is the document's own outlet."""
        if claim.claimant is None:
            return None
        if claim.claimant in self.store.outlets:
            if claim.claimant == claim.outlet:
                return None  # an outlet reporting on its own: its outlet node stands for it
            return node(OUTLET, claim.claimant)
        return node(CLAIMANT, claim.claimant)

    # -- shared nodes ---------------------------------------------------------------------

    def document_nodes(self, document_id: str) -> frozenset[str]:
        """The document, every document it cites (transitively), their outlets and owners."""
        cached = self._document_nodes.get(document_id)
        if cached is not None:
            return cached
        store = self.store
        out: set[str] = set()
        todo = [document_id]
        seen: set[str] = set()
        while todo:
            doc_id = todo.pop()
            if doc_id in seen:
                continue
            seen.add(doc_id)
            out.add(node(DOCUMENT, doc_id))
            doc = store.documents.get(doc_id)
            if doc is None:
                continue
            if doc.outlet:
                out.add(node(OUTLET, doc.outlet))
                outlet = store.outlets.get(doc.outlet)
                if outlet is not None:
                    out.add(node(OWNER, outlet.owner_key))
            todo.extend(doc.cites)
        result = frozenset(out)
        self._document_nodes[document_id] = result
        return result

    def claim_nodes(self, claim: Claim) -> frozenset[str]:
        """Every provenance node of a claim: independence means sharing none of them.

        They follow from its claimant and its document (whose outlet is the claim's),
        so they are kept by that pair. A claim with neither is an origin of its own.
        """
        key = (claim.claimant, claim.source)
        nodes = self._by_pair.get(key)
        if nodes is None:
            if claim.claimant is None and claim.source is None:
                return frozenset((f"unsourced:{claim.id}",))
            nodes = self._speaker_nodes(claim)
            if claim.source is not None:
                documents = self.document_nodes(claim.source)
                nodes = documents | nodes if nodes else documents
            self._by_pair[key] = nodes
        return nodes

    #: The name the rules use.
    nodes_of = claim_nodes

    def _speaker_nodes(self, claim: Claim) -> frozenset[str]:
        """The claimant's node and, for an outlet, its owner's (none for an outlet
        reporting on its own: its document's nodes hold them)."""
        key = (claim.claimant, claim.claimant == claim.outlet)
        nodes = self._speakers.get(key)
        if nodes is None:
            speaker = self._speaker(claim)
            if speaker is None:
                nodes = frozenset()
            elif claim.claimant in self.store.outlets:
                owner = self.store.outlets[claim.claimant].owner_key
                nodes = frozenset((speaker, node(OWNER, owner)))
            else:
                nodes = frozenset((speaker,))
            self._speakers[key] = nodes
        return nodes

    def origin_groups(
        self, claims: Sequence[Claim], linked: Iterable[Sequence[int]] = ()
    ) -> list[list[Claim]]:
        """Claims grouped by independent origin, largest group first.

        Claims sharing any provenance node are one origin, transitively within
        ``claims``. ``linked`` lists extra groups of indices into ``claims`` to be treated
        as one origin (suspected relays, see CC206).
        """
        extra: dict[int, set[str]] = {}
        for k, group in enumerate(linked):
            for i in group:
                extra.setdefault(i, set()).add(f"relay:{k}")
        nodes_of = self.nodes_of
        groups: list[tuple[set[str], list[Claim]]] = []
        for i, claim in enumerate(claims):
            nodes = nodes_of(claim)
            if i in extra:
                nodes = nodes | extra[i]
            hits = [g for g in groups if not g[0].isdisjoint(nodes)]
            if not hits:
                groups.append((set(nodes), [claim]))
                continue
            first = hits[0]
            first[0].update(nodes)
            first[1].append(claim)
            for other in hits[1:]:
                first[0].update(other[0])
                first[1].extend(other[1])
                groups.remove(other)
        # Largest first; equal sizes keep the order of their first claim.
        return (
            sorted((g[1] for g in groups), key=len, reverse=True)
            if len(groups) > 1
            else [g[1] for g in groups]
        )

    def independent_origins(self, claims: Sequence[Claim]) -> int:
        """How many independent origins stand behind ``claims``."""
        return len(self.origin_groups(claims)) if claims else 0

    def shared(self, a: Claim, b: Claim) -> set[str]:
        """The provenance nodes two claims share (empty: independent)."""
        return set(self.claim_nodes(a) & self.claim_nodes(b))

    def describe(self, node_key: str) -> str:
        """A reader's name for a provenance node: ``owner France Médias Monde``."""
        text = self._descriptions.get(node_key)
        if text is None:
            kind, _, record_id = node_key.partition(":")
            text = (
                f"owner {record_id}" if kind == OWNER else f"{kind} {self.store.name_of(record_id)}"
            )
            self._descriptions[node_key] = text
        return text


def origins_of(store: Store, claims: Sequence[Claim]) -> list[list[Claim]]:
    """The independent origins behind ``claims`` (a convenience over :class:`Provenance`)."""
    return Provenance(store).origin_groups(claims)


__all__ = ["Provenance", "node", "origins_of"]
