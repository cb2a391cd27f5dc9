"""The scheduler from Python: the hand-worked Swedish case across Midsommar
and Christmas, idempotence, absences, bad policies, agenda and overdue, and
the .ics read back by the icalendar and recurring-ical-events packages."""

import datetime as dt

import icalendar
import pytest
import recurring_ical_events

import levande

D = dt.date


def programme():
    ws = levande.Workspace()
    ws.add(
        levande.Team(id="t1", name="Platform"),
        levande.Person(id="anna", name="Anna Berg", email="anna@example.se", team="t1", calendar="SE"),
        levande.Person(id="bo", name="Bo Ek", email="bo@example.se", team="t1", calendar="SE"),
        levande.Training(id="T", title="Cloud security", skills=["cloud security"], kind="security",
                         start=D(2026, 6, 8), end=D(2026, 6, 10)),
        levande.Participation(person="anna", training="T"),
        levande.Participation(person="bo", training="T"),
        levande.Policy(id="sec", training_kind="security", plan_due_business_days=5,
                       check_in_rule="FREQ=WEEKLY;BYDAY=FR", check_in_weeks=2,
                       assignment_review_days=30, feedback_offsets_days=[9, 197]),
        levande.Absence(id="vac-bo", person="bo", first=D(2026, 7, 13), last=D(2026, 7, 24),
                        reason="vacation"),
    )
    return ws


def horizon(as_of=D(2026, 6, 1)):
    return {"as_of": as_of, "until": D(2026, 12, 31)}


def test_midsommar_and_christmas_by_hand():
    ws = programme()
    s = ws.generate_follow_up(**horizon())
    ev = s.events()
    got = [(r.person, r.kind, r.date.date(), r.rolled, r.levelled) for r in ev.itertuples()]
    # Worked by hand (see tests/cpp/schedule_test.cpp for the reasoning):
    # Midsommarafton (Fri 19 June) rolls to Mon 22 June; week 26 is then
    # full, so Fri 26 June is levelled to Mon 29 June; Julafton (Thu 24 Dec),
    # Juldagen and the weekend roll the last feedback session to Mon 28 Dec;
    # Bo's vacation moves his on-the-job review from 17 to 27 July.
    assert got == [
        ("anna", "plan_due", D(2026, 6, 17), False, False),
        ("bo", "plan_due", D(2026, 6, 17), False, False),
        ("anna", "check_in", D(2026, 6, 22), True, False),
        ("anna", "feedback_session", D(2026, 6, 22), True, False),
        ("bo", "check_in", D(2026, 6, 22), True, False),
        ("bo", "feedback_session", D(2026, 6, 22), True, False),
        ("anna", "check_in", D(2026, 6, 29), False, True),
        ("bo", "check_in", D(2026, 6, 29), False, True),
        ("anna", "celebration_review", D(2026, 7, 1), False, False),
        ("bo", "celebration_review", D(2026, 7, 1), False, False),
        ("anna", "assignment_review", D(2026, 7, 17), False, False),
        ("bo", "assignment_review", D(2026, 7, 27), True, False),
        ("anna", "feedback_session", D(2026, 12, 28), True, False),
        ("bo", "feedback_session", D(2026, 12, 28), True, False),
    ]
    assert list(ev["step"]) == [1, 1, 1, 4, 1, 4, 1, 1, 5, 5, 2, 2, 4, 4]
    assert str(ev["date"].dtype).startswith("datetime64")
    assert s.unplaced().empty
    checkins = ws.table("check_ins")
    assert sorted(zip(checkins["plan"].astype(str), checkins["scheduled"].dt.date)) == [
        ("anna@T/plan", D(2026, 6, 22)), ("anna@T/plan", D(2026, 6, 29)),
        ("bo@T/plan", D(2026, 6, 22)), ("bo@T/plan", D(2026, 6, 29))]
    assert ws.get("feedback_sessions", "T/feedback-197d").date == D(2026, 12, 28)


def test_events_through_arrow_equal_the_numpy_frame():
    pa = pytest.importorskip("pyarrow")
    ws = programme()
    s = ws.generate_follow_up(**horizon())
    numpy_frame = s.events()
    arrow_frame = s.events(dtype_backend="pyarrow")
    assert list(arrow_frame.columns) == list(numpy_frame.columns)
    assert str(arrow_frame["held"].dtype) == "bool[pyarrow]"
    for column in numpy_frame.columns:
        want = numpy_frame[column].astype(object).where(numpy_frame[column].notna(), None)
        got = arrow_frame[column].astype(object).where(arrow_frame[column].notna(), None)
        if column in ("date", "nominal"):
            want = want.map(lambda x: x.date())
        assert list(got) == list(want), column
    # No rule for a plan-due event: missing, not an empty category.
    assert numpy_frame["rule"].isna().iloc[0]
    table = pa.table(s.events_table())
    assert table.num_rows == len(s) and table.schema.field("date").type == pa.date32()
    agenda = s.agenda(person="bo", start=D(2026, 6, 1), end=D(2026, 6, 30))
    assert list(agenda["kind"].astype(str)) == ["plan_due", "check_in", "feedback_session",
                                                 "check_in"]
    with pytest.raises(ValueError, match="dtype_backend"):
        s.events(dtype_backend="polars")
    with pytest.raises(IndexError, match="rows"):
        s.events(rows=[len(s)])


def test_running_again_changes_nothing_and_scope_agrees():
    ws = programme()
    first = ws.generate_follow_up(**horizon())
    again = ws.plan_follow_up(**horizon())
    assert again.change_counts() == {"records": 0, "add_check_ins": 0, "remove_check_ins": 0}
    assert again.events().equals(first.events())
    part = ws.plan_follow_up(**horizon(), training="T")
    assert part.events()[["date", "person", "kind"]].equals(first.events()[["date", "person", "kind"]])


def test_a_schedule_of_an_earlier_state_is_refused():
    ws = programme()
    stale = ws.plan_follow_up(**horizon())
    ws.add(levande.Team(id="t2", name="Service desk"))
    with pytest.raises(levande.ConstraintError, match="plan again") as info:
        ws.apply_schedule(stale)
    assert info.value.field == "schedule"
    assert ws.table("check_ins").empty
    ws.apply_schedule(schedule=ws.plan_follow_up(**horizon()))
    assert len(ws.table("check_ins")) == 4


def test_agenda_and_overdue():
    ws = programme()
    s = ws.generate_follow_up(**horizon())
    june = s.agenda(person="anna", start=D(2026, 6, 1), end=D(2026, 6, 30))
    assert list(june["kind"]) == ["plan_due", "check_in", "feedback_session", "check_in"]
    assert len(s.agenda(team="t1", start=D(2026, 12, 1), end=D(2026, 12, 31))) == 2
    with pytest.raises(TypeError):
        s.agenda(person="anna", team="t1", start=D(2026, 1, 1), end=D(2026, 2, 1))
    with pytest.raises(levande.NotFoundError):
        s.agenda(person="nobody", start=D(2026, 1, 1), end=D(2026, 2, 1))
    late = ws.overdue(D(2026, 7, 1))
    assert list(late["kind"]) == ["check_ins"] * 4
    assert list(late["days_overdue"]) == [9, 9, 2, 2]


def test_bad_policy_and_horizon_are_refused():
    ws = programme()
    with pytest.raises(levande.ConstraintError) as e:
        ws.update(levande.Policy(id="sec", training_kind="security", feedback_offsets_days=[30, 400]))
    assert e.value.field == "policies[sec].feedback_offsets_days[1]"
    with pytest.raises(levande.InvalidArgumentError) as e:
        ws.plan_follow_up(as_of=D(2026, 6, 1), until=D(2026, 5, 1))
    assert e.value.field == "until"


def test_erasing_a_person_removes_their_absences():
    ws = programme()
    ws.erase_person("bo", date=D(2026, 8, 1), actor="hr", reason="left")
    assert ws.get("absences", "vac-bo") is None


def test_ics_expands_to_the_event_table():
    ws = programme()
    s = ws.generate_follow_up(**horizon())
    text = s.to_ics(person="anna", stamp=D(2026, 6, 1))
    cal = icalendar.Calendar.from_ical(text)
    # A peer reading RRULE, EXDATE and RDATE finds exactly the table's dates.
    occurrences = sorted(
        (str(e["SUMMARY"]), e["DTSTART"].dt)
        for e in recurring_ical_events.of(cal).between(D(2026, 1, 1), D(2027, 1, 1)))
    anna = s.agenda(person="anna", start=D(2026, 1, 1), end=D(2026, 12, 31))
    table = sorted(zip(anna["title"].astype(str), (d.date() for d in anna["date"])))
    assert occurrences == table
    check_in = [e for e in cal.walk("VEVENT") if "RRULE" in e]
    assert len(check_in) == 1
    assert [d.dt for d in check_in[0]["EXDATE"].dts] == [D(2026, 6, 19), D(2026, 6, 26)]


def test_caller_calendar_with_a_company_closure():
    ws = programme()
    ws.add(levande.Person(id="x", name="X", team="t1", calendar="NO"),
           levande.Participation(person="x", training="T"))
    with pytest.raises(levande.NotFoundError) as e:
        ws.plan_follow_up(**horizon())
    assert e.value.field == "people[x].calendar"
    no = levande.Calendar.weekends_only()
    no.add_closure(D(2026, 6, 17), D(2026, 6, 17), "company day")
    s = ws.plan_follow_up(**horizon(), calendars={"NO": no})
    ev = s.agenda(person="x", start=D(2026, 6, 1), end=D(2026, 6, 30))
    # By hand: 10 June + 5 business days, the 17th closed -> 18 June; Friday
    # 19 June is a working day on this calendar; the shared feedback session
    # still waits for the Swedish participants (22 June).
    assert [(k, d.date()) for k, d in zip(ev["kind"], ev["date"])] == [
        ("plan_due", D(2026, 6, 18)), ("check_in", D(2026, 6, 19)),
        ("feedback_session", D(2026, 6, 22)), ("check_in", D(2026, 6, 26))]
    assert levande.calendar_for_code("SE").is_business_day(D(2026, 6, 19)) is False
