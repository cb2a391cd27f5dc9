"""iCalendar export, read back by the PyPI `icalendar` parser and expanded by
`recurring-ical-events`: the dates a calendar client shows must be the dates
levande computed, and the file must follow RFC 5545's line rules."""

import datetime as dt

import icalendar
import pytest
import recurring_ical_events

import levande
from levande import ical

STAMP = dt.date(2026, 5, 20)


def physical_lines(text):
    raw = text.encode("utf-8")
    assert b"\n" not in raw.replace(b"\r\n", b""), "bare LF"
    assert b"\r" not in raw.replace(b"\r\n", b""), "bare CR"
    assert raw.endswith(b"\r\n")
    return raw[:-2].split(b"\r\n")


def assert_rfc5545_lines(text):
    for line in physical_lines(text):
        assert len(line) <= 75, line
        line.decode("utf-8")  # every physical line is valid UTF-8 on its own


def shown_dates(text, first, last):
    cal = icalendar.Calendar.from_ical(text)
    events = recurring_ical_events.of(cal).between(first, last + dt.timedelta(days=1))
    return sorted(
        e["DTSTART"].dt if isinstance(e["DTSTART"].dt, dt.date) and not isinstance(e["DTSTART"].dt, dt.datetime)
        else e["DTSTART"].dt.date()
        for e in events
    )


def test_adjusted_recurrence_is_what_clients_show():
    se = levande.Calendar.sweden()
    start = dt.date(2026, 6, 12)
    rec = levande.Recurrence("FREQ=WEEKLY;BYDAY=FR;COUNT=30", start)
    first, last = dt.date(2026, 6, 1), dt.date(2027, 1, 31)
    exdates, rdates = ical.business_day_exceptions(rec, se, levande.Adjustment.FOLLOWING, first, last)
    # Midsommarafton, Julafton and the like move to the next business day.
    assert dt.date(2026, 6, 19) in exdates and dt.date(2026, 6, 22) in rdates
    event = ical.Event(
        uid="levande-checkin-42@example.org",
        summary="Check-in: cloud security",
        date=start,
        rule=str(rec),
        exdates=exdates,
        rdates=rdates,
        categories=["Step 1: action plan", "Check-in"],
    )
    text = ical.write([event], stamp=STAMP)
    assert_rfc5545_lines(text)
    expected = rec.adjusted(se, levande.Adjustment.FOLLOWING).between(first, last, inclusive=True).tolist()
    assert shown_dates(text, first, last) == expected


def test_text_escaping_and_folding_round_trip():
    summary = "Återkoppling; vad, hur\\varför? 🎉 " * 4
    description = "Rad ett\nRad två, med ; och \\ och emoji 🚀🚀🚀 " + "å" * 80
    event = ical.Event(
        uid="u1@example.org",
        summary=summary,
        date=dt.date(2026, 6, 2),
        description=description,
        categories=["Feedback, step 4", "Uppföljning"],
        organizer=ical.Person("chef@example.org", "Åsa Öberg"),
        attendees=[ical.Person("anna@example.org", "Anna: Team, Ops"), ical.Person("bo@example.org")],
        alarms=[ical.Alarm(15), ical.Alarm(0, "Nu")],
    )
    text = ical.write([event], stamp=STAMP)
    assert_rfc5545_lines(text)
    parsed = icalendar.Calendar.from_ical(text)
    (vevent,) = parsed.walk("VEVENT")
    assert str(vevent["SUMMARY"]) == summary
    assert str(vevent["DESCRIPTION"]) == description
    assert [str(c) for c in vevent["CATEGORIES"].cats] == ["Feedback, step 4", "Uppföljning"]
    assert vevent["DTSTART"].dt == dt.date(2026, 6, 2)
    assert vevent["DTEND"].dt == dt.date(2026, 6, 3)
    assert str(vevent["ORGANIZER"]) == "mailto:chef@example.org"
    assert vevent["ORGANIZER"].params["CN"] == "Åsa Öberg"
    assert [a.params["CN"] for a in vevent["ATTENDEE"][:1]] == ["Anna: Team, Ops"]
    alarms = vevent.walk("VALARM")
    assert [a["TRIGGER"].dt for a in alarms] == [dt.timedelta(minutes=-15), dt.timedelta(0)]


def test_timed_event_names_its_zone():
    event = ical.Event(
        uid="lunch@example.org",
        summary="Lunch lecture",
        date=dt.date(2026, 3, 26),
        start_minute=12 * 60,
        duration_minutes=45,
        rule="FREQ=WEEKLY;INTERVAL=2;BYDAY=TH;COUNT=3",
    )
    text = ical.write([event], stamp=STAMP)
    assert_rfc5545_lines(text)
    assert "BEGIN:VTIMEZONE\r\nTZID:Europe/Stockholm\r\n" in text
    cal = icalendar.Calendar.from_ical(text)
    starts = [e["DTSTART"].dt for e in recurring_ical_events.of(cal).between(dt.date(2026, 1, 1), dt.date(2027, 1, 1))]
    # 12:00 in Stockholm is 11:00 UTC in winter (CET) and 10:00 UTC after the
    # switch to summer time on the last Sunday of March (29 March 2026).
    utc = [s.astimezone(dt.timezone.utc).strftime("%Y-%m-%d %H:%M") for s in starts]
    assert utc == ["2026-03-26 11:00", "2026-04-09 10:00", "2026-04-23 10:00"]
    assert all(e["DTEND"].dt - e["DTSTART"].dt == dt.timedelta(minutes=45) for e in recurring_ical_events.of(cal).between(dt.date(2026, 1, 1), dt.date(2027, 1, 1)))


def test_todos():
    todo = ical.Todo(
        uid="task-7@example.org",
        summary="Write the action plan",
        due=dt.date(2026, 5, 27),
        status=ical.TodoStatus.IN_PROCESS,
        percent_complete=40,
        related_to="plan-3@example.org",
    )
    text = ical.write([], [todo], stamp=STAMP)
    assert_rfc5545_lines(text)
    (vtodo,) = icalendar.Calendar.from_ical(text).walk("VTODO")
    assert vtodo["DUE"].dt == dt.date(2026, 5, 27)
    assert str(vtodo["STATUS"]) == "IN-PROCESS"
    assert int(vtodo["PERCENT-COMPLETE"]) == 40
    assert str(vtodo["RELATED-TO"]) == "plan-3@example.org"


def test_fold_line_never_splits_utf8():
    for text in ["a" * 200, "ö" * 200, "🎉" * 100, "x" + "å" * 120, "ab" + "🚀" * 60]:
        folded = ical.fold_line("DESCRIPTION:" + text)
        assert folded.endswith("\r\n")
        assert_rfc5545_lines(folded)
        assert folded.replace("\r\n ", "")[:-2] == "DESCRIPTION:" + text


@pytest.mark.parametrize(
    "kwargs, field",
    [
        (dict(uid="", summary="x", date=dt.date(2026, 1, 1)), "events[0].uid"),
        (dict(uid="u", summary="", date=dt.date(2026, 1, 1)), "events[0].summary"),
        (dict(uid="u\r\nX-EVIL:1", summary="x", date=dt.date(2026, 1, 1)), "events[0].uid"),
        (dict(uid="u", summary="x", date=dt.date(2026, 1, 1), start_minute=1440), "events[0].start_minute"),
        (dict(uid="u", summary="x", date=dt.date(2026, 6, 1), rule="FREQ=WEEKLY;BYDAY=TU"), "events[0].date"),
        (dict(uid="u", summary="x", date=dt.date(2026, 1, 1), attendees=[ical.Person("not-an-address")]),
         "events[0].attendees[0].email"),
        (dict(uid="u", summary="x", date=dt.date(2026, 1, 1), alarms=[ical.Alarm(-5)]),
         "events[0].alarms[0].minutes_before"),
    ],
)
def test_bad_events_are_refused_naming_the_field(kwargs, field):
    with pytest.raises(levande.InvalidArgumentError) as info:
        ical.write([ical.Event(**kwargs)], stamp=STAMP)
    assert info.value.field == field


def test_unknown_time_zone():
    event = ical.Event(uid="u", summary="x", date=dt.date(2026, 1, 1), start_minute=600)
    with pytest.raises(levande.UnsupportedError, match="Mars/Olympus"):
        ical.write([event], stamp=STAMP, time_zone="Mars/Olympus")
    assert "Europe/Stockholm" in ical.supported_time_zones()


def test_arbitrary_text_is_written_safely_or_refused():
    import random

    rng = random.Random(11)
    pieces = ["a", "Å", "ö", "🎉", ",", ";", "\\", ":", '"', "\n", "\r\n", "\t", "\x00", "\x07", "\x7f", " ", "x" * 40]
    written = refused = 0
    for i in range(400):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
        event = ical.Event(
            uid=f"fuzz-{i}@example.org",
            summary=text,
            description=text * 3,
            categories=[text],
            date=dt.date(2026, 6, 2),
            organizer=ical.Person("o@example.org", text),
        )
        try:
            out = ical.write([event], stamp=STAMP)
        except levande.InvalidArgumentError as e:
            assert e.field.startswith("events[0].")
            refused += 1
            continue
        assert_rfc5545_lines(out)
        (vevent,) = icalendar.Calendar.from_ical(out).walk("VEVENT")
        assert str(vevent["SUMMARY"]) == text.replace("\r\n", "\n")
        written += 1
    assert written > 50 and refused > 50
