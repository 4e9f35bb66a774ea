"""What's new in a story since its previous briefing (update summarisation, as in the TAC 2008
update task): the most important sentences of the articles added since, leaving out any that
repeat what the previous briefing said.

Importance is the selection's own choice order run over the new articles alone (concept
coverage across them, salience, and the lead when there is one new article). "Repeats" is the
selection's redundancy test (`select.repeats`: TF-IDF cosine at or above LEXICAL_DUPLICATE,
or, with the embedding model, a paraphrase at or above SEMANTIC_DUPLICATE), applied against
the previous briefing's sentences as if they had been chosen first.
"""
from __future__ import annotations

import numpy as np

from newsfuse.attribute import attribute
from newsfuse.pipeline import prepare
from newsfuse.represent import Encoder
from newsfuse.select import Budget, Words, repeats, select_sentences
from newsfuse.types import Cluster, Sentence, SummarySentence

WHATS_NEW_BUDGET = Budget(words=100)
RANKED_WORDS = 600  # how far down the new articles' choice order to look for new content


def whats_new(cluster: Cluster, new_documents: set[int], previous: list[str], encoder: Encoder | None = None,
              budget: Budget = WHATS_NEW_BUDGET) -> list[SummarySentence]:
    """Sentences of the documents `new_documents` that the `previous` briefing sentences do not
    already say, most important first, each cited (its own, new, document first)."""
    sentences, _ = prepare(cluster)
    fresh = [s for s in sentences if s.document in new_documents]
    if not fresh:
        return []
    ranked = select_sentences(fresh, Budget(words=max(RANKED_WORDS, budget.words)), encoder)
    said = [Sentence(text=text, document=-1, position=0) for text in previous if text.strip()]
    pool = said + ranked
    words = Words.of(pool + sentences)  # idf over the story, as the selection fits it on the cluster
    vectors = words.tfidf(np.arange(len(pool)))
    similarity = (vectors @ vectors.T).toarray()
    chosen = list(range(len(said)))
    picked: list[Sentence] = []
    for i in range(len(said), len(pool)):
        if budget.is_full(picked):
            break
        if pool[i].words > budget.room(picked):
            continue
        if chosen and repeats(i, chosen, pool, similarity, encoder):
            continue
        chosen.append(i)
        picked.append(pool[i])
    return attribute(picked, sentences, encoder)
