import pytest

from newsfuse.quantities import is_identifier_or_age, parse_quantities


@pytest.mark.parametrize("text, value, low, high, vague", [
    ("more than 220,000 lives", 220_000, 220_000, float("inf"), False),
    ("more than 121 feet deep", 121, 121, 133.1, False),  # a precise floor is just below the truth
    ("at least 17 people", 17, 17, float("inf"), False),
    ("a few hundred fighters", 350, 200, 500, True),
    ("hundreds of people", 599.5, 200, 999, True),
    ("60 miles", 60, 60, 60, False),
    ("nearly 300 people", 300, 285, 300, False),
    ("Twenty-eight people", 28, 28, 28, False),
    ("1.5 million refugees", 1_500_000, 1_500_000, 1_500_000, False),
    ("up to 500 people", 500, 0, 500, False),
    ("approximately 8,000 have fled", 8_000, 6_800, 9_200, False),
])
def test_values_and_ranges(text, value, low, high, vague):
    [q] = parse_quantities(text)
    assert (q.value, q.vague) == (value, vague)
    assert q.low == pytest.approx(low) and q.high == pytest.approx(high)


@pytest.mark.parametrize("text", ["in 2014", "at 2:45 in the morning", "one of the leaders"])
def test_years_times_and_one_are_not_quantities(text):
    assert parse_quantities(text) == []


@pytest.mark.parametrize("text, written, unit, value", [
    ("a $5 million contract", "$5 million", "$", 5_000_000),
    ("a 20% rise", "20%", "%", 20),
    ("prices rose 3 percent", "3 percent", "%", 3),
    ("Fifteen per cent of the ads", "Fifteen per cent", "%", 15),
    ("about $500,000 in taxes", "about $500,000", "$", 500_000),
    ("a $1.5 trillion budget", "$1.5 trillion", "$", 1_500_000_000_000),
    ("a $2.7-million model-train set", "$2.7-million", "$", 2_700_000),
])
def test_money_and_rates_carry_their_unit(text, written, unit, value):
    [q] = parse_quantities(text)
    assert (q.text, q.unit, q.value) == (written, unit, value)


@pytest.mark.parametrize("text, identifier", [
    ("the search for Flight 370 goes on", True), ("Dwight Smith, 30, was arrested.", True), ("a 6-year-old boy", True),
    ("on June 20 the court met", True), ("police arrested 30 people", False), ("the S-300 deal stalled", True),
    ("an F-16 crashed", True), ("a 911 call came in", True), ("the discovery of element 117 was confirmed", True),
    ("The News reported (http://bit.ly/1SmBXVy ) Wednesday.", True), ("follow @Tom5 now", True),
    ("the $3 fee", False), ("a battle with stage four cancer", True), ("a top 10 hit", True),
    ("Aeneas Tacticus (360 B.C.) wrote", True), ("founded in 200 AD", True), ("the 300 BCE walls", True),
])
def test_identifiers_and_ages(text, identifier):
    [q] = parse_quantities(text)
    assert is_identifier_or_age(text, q) is identifier


def test_a_phone_number_counts_nothing():
    text = "He can be reached at 407-420-5022 or by email."
    assert all(is_identifier_or_age(text, q) for q in parse_quantities(text))


@pytest.mark.parametrize("text, written, value", [
    ("Thirty-one bodies were found", "Thirty-one", 31), ("twenty one guns fired", "twenty one", 21),
    ("One hundred and three patients", "One hundred and three", 103),
    ("an extra five hundred and fifty thousand dollars", "five hundred and fifty thousand", 550_000),
    ("six hundred troops", "six hundred", 600), ("Seventeen people", "Seventeen", 17),
])
def test_number_words_are_read_whole(text, written, value):
    [q] = parse_quantities(text)
    assert (q.text, q.value) == (written, value)
