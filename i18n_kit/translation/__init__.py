"""Stage 4, Segment -> Route/Translation: the translation memory, machine translation, routing."""
