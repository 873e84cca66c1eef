"""The analysis of a store's claims: provenance, each group's evidence, grades, estimates.

Read in this order, each module over the ones after it:

* :mod:`.estimates` — low, best and high estimates where figures disagree;
* :mod:`.grades` — each claim's credibility grade, in the Admiralty style;
* :mod:`.evidence` — :class:`StoreEvidence`, the groups of a store, each a :class:`GroupEvidence`;
* :mod:`.group` — one (subject, property) group: statements, origins, units, timing,
  with :mod:`.origins` (who said it first; relays) and :mod:`.relay_sources` (which claim
  of a cited document a relay carries), :mod:`.unsourced` (cited claims no source stands
  behind), :mod:`.units` (who counts once for corroboration), :mod:`.tallies`,
  :mod:`.sweep` and :mod:`.cases` (who stands for and against each statement),
  :mod:`.conflicts` (what cannot both hold) and :mod:`.stance_conflicts` (assertions
  against denials, CC104), :mod:`.relays` (suspected
  relays, CC206), :mod:`.latest_figures` (a running toll's figures that still stand),
  :mod:`.growth` (a later, higher count outgrowing an earlier one, or disputing it),
  :mod:`.bridges` (named neutral counts carrying a toll past a steep rise), :mod:`.partners`
  (who disputes whom, found without trying every pair) and
  :mod:`.timing` (when a claim was said; repeats), :mod:`.in_print` (a revised figure
  still in print), :mod:`.retracted` (relays of a retracted claim);
* :mod:`.value_relations` — how two values of a group's property relate (implies,
  excludes, part of);
* :mod:`.statements` (statements, units, tallies) and :mod:`.intervals` (bounds and the
  structures over them);
* :mod:`.provenance` — the graph of who cites whom, and each claim's origin.
"""
