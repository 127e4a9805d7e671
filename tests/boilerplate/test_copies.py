"""Copies of kept blocks (``boilerplate/copies.py``)."""

from __future__ import annotations

from cleantext.boilerplate.context import Judged
from cleantext.boilerplate.copies import repeated
from cleantext.boilerplate.features import features_of
from cleantext.model import BlockClass, DropReason, KeepReason


def _j(text: str) -> Judged:
    return Judged(BlockClass.GOOD, KeepReason.BODY, features_of(text), dump=True)


def test_a_copy_of_the_article_with_its_paragraphs_joined_otherwise_is_a_copy() -> None:
    first = "The council voted on Tuesday to extend the tram line. The works will start in the spring of next year."
    second = "Mr T.R. Sharma, who chairs the committee, said the cost would be shared. The state pays two thirds."
    texts = [first, second, f"{first} {second}", f"{second} A third sentence that was never said before."]
    judged = [_j(text) for text in texts]
    repeated(judged, texts)
    # the two paragraphs again as one block: every sentence of it already kept
    assert [item.cls for item in judged] == ["good", "good", "bad", "good"]
    assert judged[2].reason is DropReason.REPEATED
    # one sentence said again is no copy (a summary's sentence, then the story's paragraph), and
    # an abbreviation's stops end no sentence
    said = (
        "Mr T.R. Sharma, who chairs the committee that oversees the tram line and the harbour works, said the "
        "cost of the extension would be shared between the city and the state."
    )
    texts = [f"The council voted on Tuesday. {said}", said]
    judged = [_j(text) for text in texts]
    repeated(judged, texts)
    assert [item.cls for item in judged] == ["good", "good"]
