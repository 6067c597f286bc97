"""Counting published cases, for `<!-- sawt:count ... -->` and the figures chart.

Filters arrive either as Python values or as the strings a shortcode carries
(`year=2023`, `pseudonym=true`); both are accepted, anything else is a
ValueError whose message says what was expected.
"""

from __future__ import annotations

from typing import Any, Callable

from sawt.data.model import STATUSES, Archive, Case

FILTERS: tuple[str, ...] = ("status", "year", "pseudonym", "min_grade")


def arrest_year(case: Case) -> int | None:
    """The year of the case's first arrest, detention or disappearance, if known."""
    arrest = case.arrest
    return arrest.date.year if arrest is not None else None


def _status_test(value: Any) -> Callable[[Case], bool]:
    if value not in STATUSES:
        raise ValueError(f'status "{value}" is not one of {", ".join(STATUSES)}')
    return lambda case: case.status == value


def _year_test(value: Any) -> Callable[[Case], bool]:
    if isinstance(value, bool):
        raise ValueError(f"year must be a four-digit year, not {value}")
    if isinstance(value, str) and value.strip().isascii() and value.strip().isdigit():
        value = int(value.strip())
    if not isinstance(value, int) or not 1000 <= value <= 9999:
        raise ValueError(f'year "{value}" must be a four-digit year such as 2023')
    return lambda case: arrest_year(case) == value


def _pseudonym_test(value: Any) -> Callable[[Case], bool]:
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        value = value.strip().lower() == "true"
    if not isinstance(value, bool):
        raise ValueError(f'pseudonym "{value}" must be true or false')
    return lambda case: case.pseudonym is value


def _min_grade_test(value: Any, archive: Archive | None) -> Callable[[Case], bool]:
    """Cases whose arrest, detention or disappearance (the event a case's count rests on) is graded
    `value` or stronger on data/grades.yml's scale (`Archive.meets`); an ungraded or discounted
    one never is."""
    counted = [grade.id for grade in (archive.grades if archive is not None else ()) if grade.counted]
    if value not in counted:
        raise ValueError(f'min_grade "{value}" is not one of {", ".join(counted) or "the grades"} (data/grades.yml)')
    return lambda case: case.arrest is not None and archive.meets(case.arrest.grade, value)


_TESTS: dict[str, Callable[[Any], Callable[[Case], bool]]] = {
    "status": _status_test,
    "year": _year_test,
    "pseudonym": _pseudonym_test,
}


def case_filter(*, archive: Archive | None = None, **filters: Any) -> Callable[[Case], bool]:
    """A predicate for the given filters (all must hold). Validates them eagerly. `min_grade`
    needs the archive's grade scale (`archive`)."""
    min_grade = filters.pop("min_grade", None)
    unknown = sorted(set(filters) - set(_TESTS))
    if unknown:
        raise ValueError(
            f"unknown filter{'s' if len(unknown) > 1 else ''} {', '.join(unknown)}; "
            f"valid filters are {', '.join(FILTERS)}"
        )
    tests = [_TESTS[name](value) for name, value in filters.items()]
    if min_grade is not None:
        tests.append(_min_grade_test(min_grade, archive))
    return lambda case: all(test(case) for test in tests)


def filter_cases(archive: Archive, **filters: Any) -> tuple[Case, ...]:
    keep = case_filter(archive=archive, **filters)
    return tuple(case for case in archive.cases if keep(case))


def count_cases(archive: Archive, **filters: Any) -> int:
    """Published cases matching every filter: status=, year= (of arrest), pseudonym=, min_grade= (of arrest)."""
    return len(filter_cases(archive, **filters))


def counts_by_status(archive: Archive) -> dict[str, int]:
    """Cases per status, every status present (zeros included), in `STATUSES` order."""
    counts = dict.fromkeys(STATUSES, 0)
    for case in archive.cases:
        counts[case.status] += 1
    return counts


def counts_by_year(archive: Archive) -> dict[int, int]:
    """Cases per year of arrest, oldest first, with the years in between at zero
    (a chart's axis should not skip a quiet year). Cases without a known arrest
    year are not in it: see `count_without_arrest_year`."""
    years = [year for case in archive.cases if (year := arrest_year(case)) is not None]
    if not years:
        return {}
    counts = dict.fromkeys(range(min(years), max(years) + 1), 0)
    for year in years:
        counts[year] += 1
    return counts


def count_without_arrest_year(archive: Archive) -> int:
    """Published cases with no arrest, detention or disappearance event."""
    return sum(1 for case in archive.cases if arrest_year(case) is None)
