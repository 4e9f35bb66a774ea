from newsfuse.facts.timeline import build_timeline


def test_the_timeline_tells_an_event_two_outlets_tell_alike_once(analyzed):
    _, analysis = analyzed(["The magazine's office was firebombed by arsonists in November 2011.",
                            "Its office was firebombed by arsonists in November 2011, the police said.",
                            "The editor moved the magazine to a new office in November 2011."])
    assert [e.clause for e in build_timeline(analysis)] == [
        "The magazine's office was firebombed by arsonists in November 2011",
        "The editor moved the magazine to a new office in November 2011"]
