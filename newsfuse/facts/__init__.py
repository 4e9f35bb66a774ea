"""Key facts of a story, read from the analysis stage: people, places and organisations
(`entities`), figures with what happened (`figures`), a dated timeline (`timeline`), and key
quotations with their speakers (`quotes`)."""
from __future__ import annotations

from newsfuse.facts.figures import find_figures
from newsfuse.facts.quotes import key_quotes
from newsfuse.facts.timeline import build_timeline
from newsfuse.types import Analysis, Entity, Facts

MIN_REPEATED = 3


def named_in_full(entity: Entity, entities: list[Entity]) -> bool:
    """A surname the list already shows with the people who bear it, where the entities were
    not joined (`name_types.join_surnames` joins one bearer the model made a person): "Smith"
    beside "Shimron Smith" and "Shawn J. Smith", "the Kleins" or "the Kellers" (a family, which
    the model may call a body) beside "Melissa Klein"."""
    if " " in entity.name or entity.kind != "PERSON" and not entity.name.endswith("s"):
        return False
    surnames = (entity.name, entity.name.removesuffix("s"))
    return any(e.kind == "PERSON" and " " in e.name and e.name.split()[-1] in surnames for e in entities)


def extract_facts(analysis: Analysis, entities: list[Entity], top: int = 8) -> Facts:
    chosen = []
    for kind in ("PERSON", "PLACE", "ORG"):
        of_kind = [e for e in entities if e.kind == kind and not named_in_full(e, entities)]
        # A name mentioned once is in passing; it is shown only when few names recur.
        repeated = [e for e in of_kind if e.mentions > 1]
        chosen.extend((repeated if len(repeated) >= MIN_REPEATED else of_kind)[:top])
    not_places = frozenset(v for e in entities if e.kind != "PLACE" for v in e.variants)
    return Facts(entities=tuple(chosen), figures=tuple(find_figures(analysis.amounts, not_places)[:top]),
                 timeline=tuple(build_timeline(analysis)), quotes=tuple(key_quotes(analysis, entities)),
                 approximate=analysis.approximate)
