"""fuzzy.score_all (the bulk scoring a sync asks for) gives what scoring each text alone
gives, however the queries' lengths fall against the texts'."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from i18n_kit.translation import fuzzy
from i18n_kit.translation.fuzzy import score_all, score_texts

WORDS = ["SCO", "summit", "Council", "met", "in", "Tashkent", "on", "trade", "the", "ministers"]
sentences = st.lists(st.sampled_from(WORDS), min_size=1, max_size=12).map(" ".join)


@settings(max_examples=150, deadline=None)
@given(
    queries=st.lists(sentences, min_size=1, max_size=30),
    texts=st.lists(sentences, min_size=0, max_size=60),
    threshold=st.sampled_from([50.0, 75.0, 90.0, 100.0]),
    limit=st.sampled_from([None, 1, 3]),
    cells=st.sampled_from([1, 100, 4_000_000]),
    chunk=st.sampled_from([1, 3, 256]),
)
def test_score_all_is_each_query_scored_alone(
    queries: list[str], texts: list[str], threshold: float, limit: int | None, cells: int,
    chunk: int,
) -> None:
    expected = [score_texts(query, texts, threshold=threshold)[:limit] for query in queries]
    saved = fuzzy._CDIST_CELLS, fuzzy._LENGTH_CHUNK
    fuzzy._CDIST_CELLS = cells  # scores held at once: how many queries go together
    fuzzy._LENGTH_CHUNK = chunk  # queries of about one length against one window of texts
    try:
        assert score_all(queries, texts, threshold=threshold, limit=limit) == expected
    finally:
        fuzzy._CDIST_CELLS, fuzzy._LENGTH_CHUNK = saved
