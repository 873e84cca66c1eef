"""Low, best and high estimates for quantities whose sources disagree, UCDP style (DESIGN §4).

For every single-valued quantity group whose origins' cited figures differ (for a
cumulative toll, each origin's latest figure), an estimate is given — and never
vanishes: when every figure is contested it is still given, from all of them, and says
that its basis is weak — as it is when every figure comes from a side with a stake in it.

* **best** — a figure someone reported: among the point figures and ranges (a range
  offers its lower end), the one with the most independent support, neutral before
  interested, named before anonymous, ties to the lower figure. Only when no claim
  states a point or a range does an open bound ("at least 20") serve; only when no
  claim states a number, a range or a floor, or when it is the only neutral voice
  beside parties' figures, does a vague word ("une vingtaine") give its size (20); a
  ceiling ("fewer than 50") serves last, read as stated (``best_ceiling``).
* **low** — the lowest figure or stated bound: points, ranges' lower ends, open lower
  bounds ("at least 500" is a floor of 500), and a ceiling read as stated ("fewer than
  10", ``low_ceiling``), never as the zero it allows.
* **high** — the highest figure or stated upper bound. An open bound stays open: when a
  credible claim allows more than every stated upper end ("more than 500" against a
  highest figure of 300), or nothing states an upper end, ``high`` is None and
  ``high_open`` is true.

Figures graded improbable are left out while any other remains (DESIGN §4: the rest are
credible). A party's own figure that a neutral origin contradicts (an army's "no
civilians killed" against a UN office's "at least 30") stays in the range but is not
the best while a figure no neutral origin contradicts remains. Each estimate names the
claims behind low, best and high, and its ``basis`` in words.

:func:`estimate_group` works it out with these modules, each over the ones after it:

* :mod:`.group_estimate` — :func:`estimate_group`: the group's credible figures, a weak
  basis, the low, best and high;
* :mod:`.basis` — the basis in words: whose figure the best is, what was left out and
  why, a floor that raised the low, the counts overtaken, a weak basis;
  :mod:`.figures_taken` — which figures the estimate takes, and offers as the best:
  vague words, a side's admission of its own losses, floors saying less than another;
* :mod:`.floors` — floors under the low beyond the latest figures: a side's concession
  of its own losses, the highest neutral count a side's later figures overtook;
* :mod:`.figures` — what each claim's figure offers (a point, a range, a floor, a
  ceiling, a vague word's size) and the low, high and best chosen among them;
* :mod:`.estimate` — :class:`Estimate`, the value, and how its figures read.
"""

from claimcheck.analysis.estimates.estimate import Estimate
from claimcheck.analysis.estimates.group_estimate import estimate_group

__all__ = ["Estimate", "estimate_group"]
