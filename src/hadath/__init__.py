"""hadath (حدث): Arabic news in, structured political event data out."""

from __future__ import annotations

from .errors import DateError, HadathError, InputError
from .model import (
                    Article,
                    Entity,
                    Event,
                    Place,
                    Quote,
                    Sentence,
                    Source,
                    Span,
                    TimeExpression,  # fmt: skip
                    Token,
)
from .pipeline import Coder, code
from .settings import Settings

__version__ = "0.1.0"
__all__ = ["code", "Coder", "Settings", "Article", "Event", "Entity", "Place", "Quote",
           "Sentence", "Source", "Span", "TimeExpression", "Token", "HadathError",
           "InputError", "DateError", "__version__"]  # fmt: skip
