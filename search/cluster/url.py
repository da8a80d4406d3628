"""`sphinx://HOST:PORT/NAME`: where a cluster is and which distributed index to use.

HOST:PORT is the SphinxQL (MySQL protocol) listener of the node that holds the distributed index
NAME and the cluster's records (`NAME_meta`: the shard list, person aliases); every other shard
is found through those records, so one URL names a whole cluster.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

SCHEME = "sphinx://"
DEFAULT_PORT = 9306  # Sphinx's and Manticore's SphinxQL port
_URL = re.compile(r"sphinx://(?P<host>\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.\-]+)(?::(?P<port>\d{1,5}))?/(?P<name>[^/?#]*)/?")
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,47}")


@dataclass(frozen=True)
class ClusterUrl:
    """A parsed cluster URL; `str()` gives it back in its canonical form."""

    host: str
    port: int
    name: str

    def __str__(self) -> str:
        return f"{SCHEME}{self.host}:{self.port}/{self.name}"

    @property
    def endpoint(self) -> str:
        """"HOST:PORT", for messages."""
        return f"{self.host}:{self.port}"


def is_cluster_url(location: object) -> bool:
    """Whether `location` (an index folder, a URL, None) names a cluster: a string starting with sphinx://."""
    return isinstance(location, str) and location.strip().lower().startswith(SCHEME)


def parse_cluster_url(location: str | Path) -> ClusterUrl:
    """`sphinx://127.0.0.1:9306/news` → ClusterUrl("127.0.0.1", 9306, "news"); the port defaults to
    9306. Raises `ValueError` saying what is expected for anything else."""
    text = str(location).strip()
    found = _URL.fullmatch(SCHEME + text[len(SCHEME):]) if text[: len(SCHEME)].lower() == SCHEME else None
    if found is None:
        raise ValueError(f"not a cluster URL: {text!r}; expected sphinx://HOST:PORT/NAME, e.g. "
                         f"sphinx://127.0.0.1:9306/news")
    port = int(found["port"]) if found["port"] else DEFAULT_PORT
    if not 0 < port < 65536:
        raise ValueError(f"the port of {text!r} must be between 1 and 65535")
    name = found["name"]
    if not _NAME.fullmatch(name):
        raise ValueError(f"the index name of {text!r} must be a letter or _ followed by letters, digits or _ "
                         f"(at most 48), e.g. sphinx://127.0.0.1:9306/news")
    return ClusterUrl(found["host"].strip("[]"), port, name)
