import datetime as dt

from newsfuse.analyze.dates import resolve_date


def test_timeline_dates_are_resolved_or_left_out():
    published = dt.date(2015, 5, 20)  # a Wednesday
    assert resolve_date("Sunday", published) == "2015-05-17"
    assert resolve_date("yesterday", published) == "2015-05-19"
    assert resolve_date("May 17, 2015", None) == "2015-05-17"
    assert resolve_date("April", None) is None and resolve_date("Sunday", None) is None
    assert resolve_date("March 3", published) == "2015-03-03" and resolve_date("in 2014", None) == "2014"


def test_dated_clause_is_the_clause_not_the_sentence(analyzed):
    _, analysis = analyzed(["Militants seized the city on Sunday, and residents fled as the army withdrew."],
                           published="2015-05-20")
    [entry] = analysis.dates
    assert entry.when == "2015-05-17" and entry.clause.startswith("Militants seized the city on Sunday")
    assert "residents fled" not in entry.clause


def test_a_dated_clause_needs_a_subject_that_says_who_and_drops_its_link_word(analyzed):
    _, analysis = analyzed(["She previously served as a guest mentor to the contestants in 2007.",
                            "The family lived near the hospital where Princess Diana gave birth to William in 1982."])
    assert [(d.when, d.clause) for d in analysis.dates] == [("1982", "Princess Diana gave birth to William in 1982")]


def test_dates_that_describe_a_noun_or_a_report_are_not_events(analyzed):
    _, analysis = analyzed(["He was a 2010 graduate of Ferris State University. The report for 2016 found that Sweden leads.",
                            "Anderson had been arrested four times since 1982, police said."])
    assert [d.clause for d in analysis.dates] == ["Anderson had been arrested four times since 1982"]


def test_a_projection_or_a_condition_is_no_event(analyzed):
    _, analysis = analyzed(["By 2050 the total number could reach 10.5 billion. The world will reach replacement "
                            "fertility by 2030.", "The population reached seven billion in 2011.",
                            "Even if this theory had been proven back in 1996, nothing would change."])
    assert [d.clause for d in analysis.dates] == ["The population reached seven billion in 2011"]
