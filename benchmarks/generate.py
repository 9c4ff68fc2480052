"""A realistic synthetic corpus: N articles in the corpus format, deterministic by seed.

Each article has front matter (id, title, outlet, author, published over fifteen years at
day, month or year precision, language) and a ~600-word body. Words are drawn from a Zipf
distribution over a vocabulary whose head is the real English of the shipped articles
(ranked by frequency, so "the", "of", "trade" come first) and whose tail is made of
pronounceable pseudo-words (the long tail of names and rare terms a real corpus has).
Into that, sentences mix the names and aliases of the shipped briefs' sites and actors
(a few "topic" entities per article, themselves Zipf-distributed: Dandong is common, Khasan
rare), domain collocations ("border crossing", "customs clearance") and figures.

Article i depends only on (seed, i): the corpus of 1,000 is the first 1,000 of 10,000.

    python -m benchmarks.generate DIR --count 1000 [--seed 7] [--no-shipped]

writes DIR/corpus/*.md and, unless --no-shipped, the shipped briefs and the five shipped
articles their claims quote, so DIR is a complete workspace that `borderbrief check` passes.
"""

from __future__ import annotations

import argparse
import bisect
import itertools
import json
import random
import re
import shutil
import string
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

START_YEAR, YEARS = 2011, 15
ZIPF_S = 1.0
VOCABULARY_SIZE = 40_000
MEAN_WORDS = 600

OUTLETS = (
    "Reuters", "Yonhap", "NK News", "Daily NK", "38 North", "Global Times", "The Hankyoreh",
    "Radio Free Asia", "Korea JoongAng Daily", "Xinhua", "TASS", "Nikkei Asia", "South China Morning Post",
    "Asia Times", "The Diplomat", "The Korea Herald", "Interfax", "Associated Press", "Voice of America",
    "Sino-NK", "Kyodo News", "The Korea Times", "Vladivostok News", "Jilin Daily", "Chosun Ilbo",
)
SURNAMES = ("Kim", "Lee", "Park", "Choi", "Jung", "Wang", "Li", "Zhang", "Liu", "Chen", "Ivanov",
            "Smirnova", "Petrov", "Smith", "Jones", "Tanaka", "Sato", "Cho", "Han", "Yoon")
GIVEN = ("Min-jun", "Seo-yeon", "Ji-ho", "Wei", "Fang", "Jing", "Olga", "Dmitry", "Anna", "Sergei",
         "John", "Sarah", "Hiroshi", "Yuki", "Hye-jin", "Dong-hyun", "Lei", "Tatiana", "Eun-ji", "Mark")
COLLOCATIONS = (
    "border crossing", "customs clearance", "trade volume", "rail link", "economic cooperation",
    "special economic zone", "freight trains", "cross-border trade", "sanctions enforcement",
    "port facilities", "customs post", "bridge opening", "tourist visas", "seafood exports",
    "coal imports", "labour exports", "free trade zone", "logistics centre", "container traffic",
    "joint venture",
)
_SYLLABLES = [c + v for c in "bcdfghjklmnprstvwyz" for v in ("a", "e", "i", "o", "u", "ai", "ou", "ia")]
_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")


@dataclass(frozen=True)
class Entity:
    id: str
    kind: str
    names: tuple[str, ...]


@dataclass
class Vocabulary:
    words: list[str]
    cum_weights: list[float]

    def rank(self, rank: int) -> str:
        """The word of a given rank (0 = most frequent)."""
        return self.words[rank]


# -- the ingredients ------------------------------------------------------------------------

def sample_workspace() -> Path:
    """The shipped workspace (imported late: the benchmark runner stays a small process)."""
    from tui.workspace import sample_workspace as shipped

    return shipped()


def _ascii_fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


@lru_cache(maxsize=8)
def vocabulary(seed: int = 7, size: int = VOCABULARY_SIZE) -> Vocabulary:
    """Real words of the shipped articles by frequency, then pseudo-words; Zipf weights."""
    counts: Counter[str] = Counter()
    for path in sorted((sample_workspace() / "corpus").glob("*.md")):
        _, _, body = path.read_text(encoding="utf-8").split("---\n", 2)
        counts.update(w for w in _WORD.findall(_ascii_fold(body)) if len(w) > 1 or w == "a")
    words = [w for w, _ in sorted(counts.items(), key=lambda item: (-item[1], item[0]))]
    seen = set(words)
    rng = random.Random(f"vocabulary:{seed}")
    while len(words) < size:
        word = "".join(rng.choice(_SYLLABLES) for _ in range(rng.choice((2, 2, 3, 3, 3, 4))))
        if word not in seen:
            seen.add(word)
            words.append(word)
    words = words[:size]
    weights = [1.0 / (rank ** ZIPF_S) for rank in range(1, len(words) + 1)]
    return Vocabulary(words, list(itertools.accumulate(weights)))


@lru_cache(maxsize=8)
def entities(seed: int = 7) -> tuple[Entity, ...]:
    """Sites and actors of the shipped briefs, in a seed-dependent popularity order."""
    import yaml

    found = []
    for folder, kind in (("sites", "site"), ("actors", "actor")):
        for path in sorted((sample_workspace() / "briefs" / folder).glob("*.yaml")):
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            names = tuple(n for n in [data["name"], *(data.get("aliases") or [])] if isinstance(n, str) and n.strip())
            found.append(Entity(data["id"], kind, names))
    rng = random.Random(f"entities:{seed}")
    rng.shuffle(found)
    return tuple(found)


@lru_cache(maxsize=8)
def _entity_weights(count: int) -> list[float]:
    return list(itertools.accumulate(1.0 / (rank ** 0.9) for rank in range(1, count + 1)))


def _zipf_pick(rng: random.Random, items, cum_weights):
    return items[bisect.bisect(cum_weights, rng.random() * cum_weights[-1])]


def _slug(text: str) -> str:
    folded = _ascii_fold(text)
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-") or "outlet"


# -- one article ------------------------------------------------------------------------------

@dataclass
class GeneratedArticle:
    id: str
    title: str
    outlet: str
    author: str | None
    published: str
    body: str
    entity_ids: tuple[str, ...]

    def text(self) -> str:
        quote = lambda value: json.dumps(value, ensure_ascii=False)  # a JSON string is YAML  # noqa: E731
        lines = [
            "---",
            f"id: {self.id}",
            f"title: {quote(self.title)}",
            f"outlet: {quote(self.outlet)}",
            f"author: {quote(self.author) if self.author else 'null'}",
            f"published: {self.published}",
            "url: null",
            "language: en",
            "---",
            self.body,
        ]
        return "\n".join(lines) + "\n"


def article(index: int, seed: int = 7) -> GeneratedArticle:
    """The index-th article of the corpus of this seed."""
    rng = random.Random(f"article:{seed}:{index}")
    vocab = vocabulary(seed)
    ents = entities(seed)
    entity_weights = _entity_weights(len(ents))

    day = rng.randrange(YEARS * 365)
    year, rest = START_YEAR + day // 365, day % 365
    month, mday = min(12, rest // 31 + 1), min(28, rest % 31 + 1)
    precision = rng.random()
    if precision < 0.85:
        published = f"{year:04d}-{month:02d}-{mday:02d}"
    elif precision < 0.95:
        published = f"{year:04d}-{month:02d}"
    else:
        published = f"{year:04d}"
    outlet = OUTLETS[min(int(rng.paretovariate(1.2)) - 1, len(OUTLETS) - 1)]
    author = f"{rng.choice(GIVEN)} {rng.choice(SURNAMES)}" if rng.random() < 0.8 else None
    topics = list(dict.fromkeys(_zipf_pick(rng, ents, entity_weights) for _ in range(rng.randint(1, 5))))

    target = max(200, min(1200, int(rng.gauss(MEAN_WORDS, 120))))
    paragraphs, written = [], 0
    paragraph: list[str] = []
    while written < target:
        length = rng.randint(8, 30)
        words = rng.choices(vocab.words, cum_weights=vocab.cum_weights, k=length)
        if rng.random() < 0.4:
            entity = rng.choice(topics)
            words.insert(rng.randrange(len(words) + 1), rng.choice(entity.names))
        if rng.random() < 0.2:
            words.insert(rng.randrange(len(words) + 1), rng.choice(COLLOCATIONS))
        if rng.random() < 0.12:
            figure = rng.choice((f"{rng.randint(2, 99)} percent", f"US${rng.randint(1, 999)} million",
                                 f"{rng.randint(1, 9)}.{rng.randint(0, 9)} billion", str(rng.randint(1990, 2025))))
            words.insert(rng.randrange(len(words) + 1), figure)
        if rng.random() < 0.08:
            words.insert(rng.randrange(len(words) + 1), rng.choice(OUTLETS))
        sentence = " ".join(words)
        sentence = sentence[0].upper() + sentence[1:]
        if rng.random() < 0.15 and len(words) > 6:
            cut = rng.randrange(3, len(words) - 2)
            sentence = " ".join(words[:cut]) + ", " + " ".join(words[cut:])
            sentence = sentence[0].upper() + sentence[1:]
        paragraph.append(sentence + rng.choice(".....?"))
        written += len(words)
        if len(paragraph) >= rng.randint(3, 6):
            paragraphs.append(" ".join(paragraph))
            paragraph = []
    if paragraph:
        paragraphs.append(" ".join(paragraph))

    head = rng.choices(vocab.words[30:3000], k=rng.randint(4, 9))
    title = " ".join([rng.choice(topics[0].names), *head])
    title = title[0].upper() + title[1:]
    article_id = f"{published}-{_slug(outlet)}-{index:06d}"
    return GeneratedArticle(article_id, title, outlet, author, published, "\n\n".join(paragraphs),
                            tuple(e.id for e in topics))


# -- a workspace ------------------------------------------------------------------------------

def generate(root: Path, count: int, *, seed: int = 7, shipped: bool = True) -> list[GeneratedArticle]:
    """Write a workspace at root: `count` synthetic articles (plus, if `shipped`, the shipped
    briefs and the five shipped articles their claims quote). Returns the synthetic articles."""
    root = Path(root)
    corpus = root / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    for folder in ("sites", "actors", "disputes"):
        (root / "briefs" / folder).mkdir(parents=True, exist_ok=True)
    if shipped:
        sample = sample_workspace()
        for path in sorted((sample / "corpus").glob("*.md")):
            shutil.copy2(path, corpus / path.name)
        shutil.copytree(sample / "briefs", root / "briefs", dirs_exist_ok=True)
    made = []
    for index in range(count):
        item = article(index, seed)
        (corpus / f"{item.id}.md").write_text(item.text(), encoding="utf-8")
        made.append(item)
    return made


def change_article(path: Path, serial: int) -> None:
    """Edit an article as a curator would: one sentence appended to its body."""
    text = path.read_text(encoding="utf-8")
    words = "".join(random.Random(serial).choices(string.ascii_lowercase, k=8))
    path.write_text(text.rstrip("\n") + f"\n\nRevision {serial} adds the word {words}.\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("directory", type=Path)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--no-shipped", action="store_true", help="only the synthetic articles, no briefs")
    args = parser.parse_args(argv)
    made = generate(args.directory, args.count, seed=args.seed, shipped=not args.no_shipped)
    print(f"{len(made)} articles in {args.directory / 'corpus'}")


if __name__ == "__main__":
    main()
