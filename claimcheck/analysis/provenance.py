"""Provenance: who said it, in which document, published by whom, owned by whom.

A claim's provenance is a path: claim → claimant → document → outlet → owner, plus the
documents it ``cites``. The graph (networkx) holds the provenance nodes — claimants,
documents, outlets, owners — not the claims: a million claims share a few thousand
sources.

A claim's **origin** is who first said it: its claimant, with the parties it is
``part_of``; or, when the outlet speaks in its own voice, that outlet's own reporting, one
with the outlets of its owner (:meth:`Provenance.origin_key`). An outlet's own reporting
in a document that cites another document may have its figure from there. A relaying
outlet or document never merges the claimants it quotes (DESIGN §2).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, deque
from functools import cached_property
from typing import TYPE_CHECKING

from claimcheck.model import Claim, Outlet
from claimcheck.store import Store

if TYPE_CHECKING:
    import networkx as nx

#: The most documents a document is taken to relay through ``cites`` chains.
MAX_CITED = 64

# Node keys: a kind letter and an id, so that ids of different sections never collide.
CLAIMANT, DOCUMENT, OUTLET, OWNER = "claimant", "document", "outlet", "owner"


def node(kind: str, record_id: str) -> str:
    return f"{kind}:{record_id}"


class Provenance:
    """The provenance graph of a store, and independence between its claims."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._roots: dict[str, str] = {}
        self._cited: dict[str, frozenset[str]] = {}
        self._cited_sorted: dict[str, list[str]] = {}
        #: Origin keys by (claimant, outlet): a million claims share a few thousand.
        self._origin_keys: dict[tuple[str | None, str | None], str] = {}
        self._owner_parties: dict[str, str] | None = None
        self._shared_owners: frozenset[str] | None = None

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
        for party in store.parties.values():
            if party.part_of and node(CLAIMANT, party.id) in g:
                parent = node(CLAIMANT, party.part_of)
                if parent not in g:
                    g.add_node(
                        parent, kind=CLAIMANT, id=party.part_of, label=store.name_of(party.part_of)
                    )
                g.add_edge(node(CLAIMANT, party.id), parent, relation="part-of")
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

    # -- origins ---------------------------------------------------------------------------

    def party_root(self, party_id: str) -> str:
        """The party ``party_id`` belongs to at the top of its ``part_of`` chain (itself
        when it belongs to none): a party and its parts are one origin."""
        root = self._roots.get(party_id)
        if root is None:
            root = self._roots[party_id] = self.store.part_of_chain(party_id)[-1]
        return root

    def origin_key(self, claim: Claim) -> str:
        """Who first said it, as a key shared by every claim of that origin (DESIGN §2).

        A party claimant and the parties it is ``part_of`` are one origin
        (``party:ROOT``); an outlet speaking in its own voice, or quoted by another, is that
        outlet's own reporting, one with the outlets of its owner (``outlet:OWNER``) —
        state or party media (an outlet with an ``affiliation``) speak for their party. The
        outlet or document relaying a quoted claimant plays no part: a dispatch quoting two
        governments carries two origins.
        """
        claimant, outlet = claim.claimant, claim.outlet
        key = self._origin_keys.get((claimant, outlet))
        if key is None:
            store = self.store
            if claimant is not None and claimant in store.parties:
                key = f"party:{self.party_root(claimant)}"
            elif claimant is not None and claimant in store.outlets:
                # State or party media speaking in its own voice speaks for its party,
                # and so does every outlet of its owner (a state broadcaster's daily).
                party = self.outlet_party(claimant)
                key = f"party:{party}" if party else f"outlet:{store.outlets[claimant].owner_key}"
            elif claimant is not None:
                key = f"party:{claimant}"  # an id that failed to load: itself
            elif claim.source is not None:
                return f"document:{claim.source}"  # a document with no outlet speaks alone
            else:
                return f"unsourced:{claim.id}"
            self._origin_keys[(claimant, outlet)] = key
        return key

    def outlet_party(self, outlet_id: str) -> str | None:
        """The party an outlet speaks for (the root of its ``affiliation``, or of an
        affiliated outlet with the same owner), or None for independent media."""
        by_owner = self._owner_parties
        if by_owner is None:
            by_owner = {}
            outlets, parties = self.store.outlets, self.store.parties
            for o in sorted(outlets.values(), key=lambda o: o.id):
                if o.affiliation and o.affiliation in parties:
                    by_owner.setdefault(o.owner_key, self.party_root(o.affiliation))
            self._owner_parties = by_owner
        media = self.store.outlets.get(outlet_id)
        if media is None:
            return None
        if media.affiliation and media.affiliation in self.store.parties:
            return self.party_root(media.affiliation)
        return by_owner.get(media.owner_key)

    def published_by(self, document_id: str, outlet: Outlet) -> bool:
        """Whether ``outlet``, or an outlet of its owner, published the document."""
        doc = self.store.documents.get(document_id)
        publisher = self.store.outlets.get(doc.outlet or "") if doc is not None else None
        return publisher is not None and publisher.owner_key == outlet.owner_key

    def shared_owners(self) -> frozenset[str]:
        """The owners of more than one outlet (kept: asked for each group)."""
        if self._shared_owners is None:
            owners = Counter(o.owner_key for o in self.store.outlets.values())
            self._shared_owners = frozenset(k for k, n in owners.items() if n > 1)
        return self._shared_owners

    def speaker(self, claim: Claim) -> str:
        """Who speaks, in words: :attr:`Claim.speaker`, but state or party media in
        their own voice as the party they speak for (the ministry's website's
        communiqué is the ministry's word)."""
        if self.own_reporting(claim):
            media = self.store.outlets.get(claim.outlet or "")
            if media is not None and media.affiliation and media.affiliation in self.store.parties:
                return media.affiliation
        return claim.speaker

    def party_voice(self, claim: Claim) -> bool:
        """Whether a claim is a party speaking through its own media (:meth:`speaker`)."""
        return self.speaker(claim) != claim.speaker

    def own_reporting(self, claim: Claim) -> bool:
        """Whether the claim is its outlet speaking in its own voice (no other claimant)."""
        return claim.outlet is not None and claim.claimant in (None, claim.outlet)

    def published(self, document_id: str) -> dt.date | None:
        """The day a document was published, if it says."""
        doc = self.store.documents.get(document_id)
        return None if doc is None else doc.published

    def cited_sorted(self, document_id: str) -> list[str]:
        """:meth:`cited`, in id order (asked for each claim of a document: kept)."""
        found = self._cited_sorted.get(document_id)
        if found is None:
            found = self._cited_sorted[document_id] = sorted(self.cited(document_id))
        return found

    def cited(self, document_id: str) -> frozenset[str]:
        """The documents ``document_id`` cites, directly or through a chain (not itself),
        nearest first, at most :data:`MAX_CITED` of them: a relay of a relay of a relay
        is still a relay, and a daily series each citing the day before does not make
        every document carry the whole series."""
        cached = self._cited.get(document_id)
        if cached is not None:
            return cached
        documents = self.store.documents
        out: dict[str, None] = {}
        doc = documents.get(document_id)
        todo = deque(doc.cites if doc is not None else ())
        while todo and len(out) < MAX_CITED:
            doc_id = todo.popleft()
            if doc_id in out or doc_id == document_id:
                continue
            out[doc_id] = None
            cited = documents.get(doc_id)
            if cited is not None:
                todo.extend(cited.cites)
        result = frozenset(out)
        self._cited[document_id] = result
        return result


__all__ = ["Provenance", "node"]
