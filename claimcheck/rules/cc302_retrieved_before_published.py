from __future__ import annotations

from collections.abc import Iterable

from claimcheck.model import Claim
from claimcheck.rules.base import Context, Draft, Rule
from claimcheck.rules.registry import register


@register
class RetrievedBeforePublished(Rule):
    """A document retrieved before it was published.

    One of the two dates is wrong — often day and month swapped, or the date of a
    later update typed as the publication date.

    Fails:

        documents:
          - {id: odd, outlet: le-monde, published: 2023-11-14, retrieved: 2023-11-01}
        claims:
          - {id: a, subject: strike, property: deaths, value: 3, source: odd}

    Passes:

        documents:
          - {id: fine, outlet: le-monde, published: 2023-11-14, retrieved: 2024-06-01}
        claims:
          - {id: a, subject: strike, property: deaths, value: 3, source: fine}
    """

    code = "CC302"
    name = "retrieved-before-published"
    severity = "error"
    category = "integrity"

    def check_store(self, ctx: Context) -> Iterable[Draft]:
        store = ctx.store
        odd = {
            d.id: d
            for d in store.documents.values()
            if d.published and d.retrieved and d.retrieved < d.published and ctx.in_focus(d.id)
        }
        if not odd:
            return
        citing: dict[str, list[Claim]] = {d: [] for d in odd}
        for claim in store.claims.values():
            if claim.source in citing:
                citing[claim.source].append(claim)
        for doc_id, doc in sorted(odd.items()):
            yield Draft(
                sorted(citing[doc_id], key=lambda c: c.id),
                f"document {doc_id} was retrieved on {doc.retrieved}, before its publication "
                f"on {doc.published}",
                key=[doc_id],
                record=doc_id,
            )
