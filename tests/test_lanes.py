"""Every test is in one lane: a test without one is named, so `make quick` never loses it."""

from __future__ import annotations

import pytest

from support import outside_every_lane

pytestmark = pytest.mark.fast


def test_a_test_without_a_lane_is_named(pytester: pytest.Pytester) -> None:
    items = pytester.getitems("def test_unmarked():\n    pass\n")

    assert outside_every_lane(items) == [items[0].nodeid]


@pytest.mark.parametrize("where", ["module", "test"])
def test_a_lane_on_the_module_or_the_test_counts(
    pytester: pytest.Pytester, where: str
) -> None:
    mark = "pytest.mark.render"
    source = (
        f"import pytest\npytestmark = {mark}\ndef test_x():\n    pass\n"
        if where == "module"
        else f"import pytest\n@{mark}\ndef test_x():\n    pass\n"
    )

    assert outside_every_lane(pytester.getitems(source)) == []


def test_a_marker_that_is_no_lane_does_not_count(pytester: pytest.Pytester) -> None:
    items = pytester.getitems(
        "import pytest\n@pytest.mark.xdist_group('x')\ndef test_x():\n    pass\n"
    )

    assert outside_every_lane(items) == [items[0].nodeid]
