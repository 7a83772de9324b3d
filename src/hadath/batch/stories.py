"""Story-level events: the mentions of one act reported by several articles, grouped.

Events group into a story when they share type, modality, actor codes and recipient codes
and their day lies within one day of the story's first day (GDELT's NumMentions,
NumArticles, NumSources). Events without any date are left out. The stories tables are
rebuilt whole in one transaction, so building twice gives the same tables.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from sqlalchemy import delete, select

from ..store.engine import Store
from ..store.writer import insert_packed

WINDOW = dt.timedelta(days=1)
GroupKey = tuple[str, str, str, str]
STORY_COLUMNS = ("story_id", "type", "modality", "actor_code", "recipient_code", "date_start",
                 "date_end", "mentions", "articles", "sources", "first_event_key")  # fmt: skip


class Mention(NamedTuple):  # a tuple: one is made for every dated event in the store
    """What grouping needs of one event."""

    event_key: str
    article_key: str
    source: str | None
    group: GroupKey  # type, modality, actor codes, recipient codes
    day: dt.date


@dataclass
class Story:
    """A group of mentions of one act."""

    group: GroupKey
    start: dt.date
    end: dt.date
    mentions: list[Mention] = field(default_factory=list)


def group_mentions(mentions: Iterable[Mention]) -> Iterator[Story]:
    """Stories from mentions sorted by (group, day, event_key)."""
    story: Story | None = None
    for m in mentions:
        if story is None or m.group != story.group or m.day - story.start > WINDOW:
            if story is not None:
                yield story
            story = Story(m.group, m.day, m.day)
        story.mentions.append(m)
        story.end = max(story.end, m.day)
    if story is not None:
        yield story


def story_row(story_id: int, story: Story) -> tuple[Any, ...]:
    """The stories-table row of a story, in the order of STORY_COLUMNS (dates as ISO text)."""
    ms = story.mentions
    typ, modality, actor, recipient = story.group
    return (story_id, typ, modality, actor, recipient, story.start.isoformat(),
            story.end.isoformat(), len(ms), len({m.article_key for m in ms}),
            len({m.source for m in ms if m.source}), ms[0].event_key)  # fmt: skip


def build_stories(store: Store, batch: int = 5000) -> int:
    """Rebuild the stories and story_mentions tables from the events; returns the story count."""
    t = store.tables
    ev = t.events
    q = (select(ev.c.event_key, ev.c.article_key, ev.c.source, ev.c.type, ev.c.modality,
                ev.c.actor_code, ev.c.recipient_code, ev.c.day)
         .where(ev.c.day.is_not(None))
         .order_by(ev.c.type, ev.c.modality, ev.c.actor_code, ev.c.recipient_code, ev.c.day,
                   ev.c.event_key))  # fmt: skip
    n = 0
    with store.engine.connect() as reader, store.engine.begin() as writer:
        writer.execute(delete(t.story_mentions))
        writer.execute(delete(t.stories))
        rows = reader.execution_options(stream_results=True, yield_per=batch).execute(q)
        mentions = (Mention(key, article, source, (typ, modality, actor, recipient), day)
                    for part in rows.partitions()
                    for key, article, source, typ, modality, actor, recipient, day
                    in part)  # fmt: skip
        stories: list[tuple[Any, ...]] = []
        links: list[tuple[str, int]] = []
        for story in group_mentions(mentions):
            n += 1
            stories.append(story_row(n, story))
            links += [(m.event_key, n) for m in story.mentions]
            if len(links) >= batch:
                insert_packed(writer, store, t.stories, STORY_COLUMNS, stories)
                insert_packed(writer, store, t.story_mentions, ("event_key", "story_id"), links)
                stories, links = [], []
        insert_packed(writer, store, t.stories, STORY_COLUMNS, stories)
        insert_packed(writer, store, t.story_mentions, ("event_key", "story_id"), links)
    return n
