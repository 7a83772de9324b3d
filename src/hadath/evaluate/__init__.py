"""Measurement: score hadath against gold data (GSR sentences, article gold) and a corpus.

Each module reads its gold format and scores pure functions of coded articles; the coder
is passed in as a function ``text -> Article`` so the scoring is testable without it.
"""
