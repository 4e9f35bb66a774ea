from newsfuse.segment import is_summary_worthy, segment_document, split_sentences
from newsfuse.types import Sentence


def test_abbreviations_initials_decimals_are_not_boundaries():
    text = ("Mr. Smith met U.S. officials at 9 a.m. on Monday. Prices rose 3.5 percent in Montgomery, Ala., "
            "last year. J. K. Rowling agreed.")
    assert split_sentences(text) == [
        "Mr. Smith met U.S. officials at 9 a.m. on Monday.",
        "Prices rose 3.5 percent in Montgomery, Ala., last year.",
        "J. K. Rowling agreed.",
    ]


def test_quotes_end_sentences_only_when_the_next_one_starts():
    text = '“We do not have an accurate count yet,” said the spokesman. "We will win." Then he left!'
    assert split_sentences(text) == [
        "“We do not have an accurate count yet,” said the spokesman.",
        '"We will win."',
        "Then he left!",
    ]


def test_positions_run_across_paragraphs():
    sentences = segment_document(["One two three. Four five six.", "Seven eight nine."], document=2)
    assert [(s.position, s.paragraph, s.document) for s in sentences] == [(0, 0, 2), (1, 0, 2), (2, 1, 2)]


def test_fragments_are_not_summary_worthy():
    assert is_summary_worthy(Sentence("The army retook the city of Ramadi on Friday.", 0, 0))
    assert not is_summary_worthy(Sentence("Death toll", 0, 0))
    assert not is_summary_worthy(Sentence('"We must hold the line and the army', 0, 0))
    assert not is_summary_worthy(Sentence("and then the militants withdrew from the town.", 0, 0))


def test_names_written_with_a_bang_do_not_end_sentences():
    assert split_sentences("She told E! News that she was happy. Help! Police came.") == [
        "She told E! News that she was happy.", "Help!", "Police came."]


def test_sentences_glued_by_lost_paragraph_breaks_are_split():
    text = 'They showed symptoms of Ebola.The CDC says the man is fine. "It went well."Serna is a veteran. Visit Vox.com now.'
    assert split_sentences(text) == ["They showed symptoms of Ebola.", "The CDC says the man is fine.",
                                     '"It went well."', "Serna is a veteran.", "Visit Vox.com now."]


def test_a_quotation_over_several_sentences_becomes_one_unit():
    from newsfuse.segment import quotation_units

    sentences = [
        Sentence('The spokesman spoke on Sunday.', 0, 0, paragraph=0),
        Sentence('"We do not have an accurate count yet.', 0, 1, paragraph=1),
        Sentence('We estimate that 500 people have been killed," he said.', 0, 2, paragraph=1),
        Sentence('"Nobody knows.', 0, 3, paragraph=2),  # never closed in its paragraph
        Sentence('The city fell.', 0, 4, paragraph=3),
        Sentence('"Help is coming.', 1, 0, paragraph=0),
        Sentence('Soon," she said.', 1, 2, paragraph=0),  # a sentence between them was dropped
    ]
    [unit] = quotation_units(sentences)
    assert unit.text == '"We do not have an accurate count yet. We estimate that 500 people have been killed," he said.'
    # the tail of a quotation opened before it, then a new quotation: no unit, though the marks balance
    tails = [Sentence('We have infused the cups with aromas including \'wild flowers\'."', 0, 0, paragraph=0),
             Sentence('"These scents evoke memories of summer holidays.', 0, 1, paragraph=0),
             Sentence('Things that make everyone smile," she said.', 0, 2, paragraph=0)]
    assert [u.text for u in quotation_units(tails)] == [" ".join(s.text for s in tails[1:])]
    assert (unit.document, unit.position, unit.paragraph) == (0, 1, 1)
    assert is_summary_worthy(unit) and not is_summary_worthy(sentences[1])
