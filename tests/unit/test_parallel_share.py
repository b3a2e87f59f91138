"""How the unit pages are shared between the build and its second process
(kehoach/adapter/parallel.py): a share that lets both end together, spread evenly."""

from __future__ import annotations

import pytest

from kehoach.adapter.parallel import _second_share, _spread


def test_the_share_is_spread_evenly_over_the_pages() -> None:
    pages = list(range(9))
    assert _spread(pages, 6) == [1, 2, 4, 5, 7, 8]  # two of every three
    assert _spread(pages, 0) == [] and _spread(pages, 9) == pages
    for count in (1, 7, 100, 1001):
        for taken in range(0, count + 1, max(1, count // 13)):
            chosen = _spread(list(range(count)), taken)
            assert len(chosen) == taken
            # evenly: in the first half of the pages, half of those taken (give or take one)
            assert abs(sum(1 for i in chosen if i < count // 2) - taken * (count // 2) / count) <= 1


@pytest.mark.parametrize(
    ("units", "plans", "share"),
    [
        (59_000, 3_355, 2 / 3),  # one year of the national set: both end together at 2/3
        (63_673, 9_891, 0.95),  # three years: the build's plans pages weigh three times more
    ],
)
def test_the_share_of_the_national_sets_is_the_one_measured(
    units: int, plans: int, share: float
) -> None:
    assert _second_share(units, plans) / units == pytest.approx(share, abs=0.01)


def test_the_share_grows_with_the_plans_and_stays_within_the_unit_pages() -> None:
    assert _second_share(0, 50) == 0
    assert _second_share(1_000, 0) == 500  # no plan: the two halves cost the same
    shares = [_second_share(1_000, plans) for plans in (0, 10, 50, 100, 10_000)]
    assert shares == sorted(shares) and shares[-1] == 1_000
