"""Rows of a predicate: one (source, target) pair each; reciprocal acts pair coordinated actors.

>>> from helpers.nlp.model import get_nlp
>>> doc = get_nlp()("Uganda and Kenya signed a pact.")
>>> pairs(Found(doc[3], None, "sign", ["uganda", "kenya"], [], code="057"))
[('uganda', 'kenya'), ('kenya', 'uganda')]
"""
from __future__ import annotations

from spacy.tokens import Token

from helpers.events.cameo import SYMMETRIC_CODES
from helpers.events.predicates import Found
from helpers.nlp.tree import children

#: Roots whose coordinated sources, with no target, commit to each other: "A and B pledged
#: (agreed, committed) to V" is each one's intent toward the other.
_MUTUAL_ROOTS = ("03",)
#: Visits (make, host): a visitor and a host, so several destinations are no parties to each
#: other ("trips to Germany and Angola").
_VISITS = ("042", "043")


def mutual(token: Token) -> bool:
    """True for a verb whose object is 'each other' or 'one another' ("greeted each other").

    >>> from helpers.nlp.model import get_nlp
    >>> doc = get_nlp()("Ost and Pell greeted each other.")
    >>> mutual(doc[3]), mutual(doc[0])
    (True, False)
    """
    return any(c.dep_ in {"dobj", "pobj", "prep"} and any(
        w.lower_ in {"other", "another"} for w in c.subtree) and any(
        w.lower_ in {"each", "one"} for w in c.subtree) for c in children(token))


def pairs(found: Found) -> list[tuple[str, str]]:
    """One (source, target) pair per row; reciprocal predicates pair coordinated actors.

    Reciprocal: the override row or the dictionary's paired code says so, the code is
    one whose two sides play the same part (consult, sign an agreement, cooperate
    materially: :data:`helpers.events.cameo.SYMMETRIC_CODES`, "Kenya and Rwanda will expand
    trade"), an intent of coordinated sources ("A and B pledged to V"), or the object is
    "each other". The destinations of a visit with no visitor are not paired.
    """
    sources, targets = found.sources, found.targets
    reciprocal = found.coding is not None and found.coding.reciprocal \
        or found.code.startswith(SYMMETRIC_CODES) or mutual(found.token)
    if (reciprocal or found.code.startswith(_MUTUAL_ROOTS)) and not targets and len(sources) > 1:
        return [(s, o) for s in sources for o in sources if o != s]
    if reciprocal and not sources and len(targets) > 1 and not found.code.startswith(_VISITS):
        return [(s, o) for s in targets for o in targets if o != s]
    return [(s, t) for s in sources or [""] for t in targets or [""] if s != t or not s]
