"""The date-valued libical recurrence vectors (../shared/testdata/libical).

Each vector gives an RRULE, DTSTART, optionally START-AT, and the expected
instances as date-times; a date-valued recurrence must give their date parts.
START-AT (a libical iterator option) does not change the listed instances.
Vectors with sub-daily parts (FREQ=HOURLY..., BYHOUR/BYMINUTE/BYSECOND) are
outside levande's date-valued scope and must be refused with
UnsupportedError. The few vectors where levande rules differently are listed
in EXCEPTIONS with the reason.
"""

import datetime as dt
import pathlib

import pytest

import levande

VECTORS = pathlib.Path(__file__).parents[3] / "shared" / "testdata" / "libical" / "icalrecur_test.txt"

# rule -> why levande's answer differs from libical's (see docs/recurrence.md).
WEEK_YEARS = (
    "YEARLY with BYWEEKNO and INTERVAL > 1 where DTSTART's week belongs to the next or "
    "previous week-numbering year: libical steps week-numbering years, levande (like "
    "python-dateutil) steps calendar years"
)
EXCEPTIONS = {
    "FREQ=YEARLY;BYWEEKNO=53;BYDAY=TU,SA;INTERVAL=6;UNTIL=20170101T000000Z": WEEK_YEARS,
    "FREQ=YEARLY;BYWEEKNO=1;BYDAY=MO,TU;INTERVAL=3;UNTIL=20320101": WEEK_YEARS,
}


def load_vectors():
    if not VECTORS.exists():
        return []
    blocks, current = [], {}
    for line in VECTORS.read_text(encoding="utf-8").splitlines() + [""]:
        line = line.strip()
        if not line:
            if "RRULE" in current:
                blocks.append(current)
            current = {}
        elif line.startswith("#"):
            current["comment"] = line[1:].strip()
        elif ":" in line:
            key, _, value = line.partition(":")
            current[key.split(";")[0]] = value.strip()
    return blocks


def date_part(text):
    return dt.date(int(text[0:4]), int(text[4:6]), int(text[6:8]))


def is_sub_daily(rule):
    return any(p in rule for p in ("HOURLY", "MINUTELY", "SECONDLY", "BYHOUR", "BYMINUTE", "BYSECOND"))


VECTOR_LIST = load_vectors()


def test_vectors_are_present():
    assert len(VECTOR_LIST) > 100, f"libical vectors missing at {VECTORS}"


@pytest.mark.parametrize("vector", VECTOR_LIST, ids=lambda v: v.get("comment", v["RRULE"])[:60])
def test_libical_vector(vector):
    rule = vector["RRULE"]
    start = date_part(vector["DTSTART"])
    if is_sub_daily(rule):
        with pytest.raises(levande.UnsupportedError):
            levande.Recurrence(rule, start)
        return
    instances = vector.get("INSTANCES", "")
    if not instances or instances.startswith("***"):
        pytest.skip("libical marks this vector as unimplemented or without instances")
    expected = sorted({date_part(x) for x in instances.split(",") if x})
    if rule in EXCEPTIONS:
        pytest.skip(EXCEPTIONS[rule])
    rec = levande.Recurrence(rule, start)
    # INSTANCES list the whole set from DTSTART, also where START-AT is given.
    got = rec.between(start, expected[-1], inclusive=True).tolist()
    assert got == expected
