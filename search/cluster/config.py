"""The configuration files of a local cluster: one `searchd` per shard, written by `cluster start`.

Node k listens for SphinxQL on PORT+2k and for Sphinx's binary protocol (which distributed
indexes use to ask their agents) on PORT+2k+1, and holds the real-time index NAME_k. Node 0
also holds the distributed index NAME (its own shard locally, every other shard as an agent,
with connect and query timeouts so a dead shard never hangs a query) and the cluster's records,
NAME_meta (search/cluster/meta.py). `cluster.json` in the folder remembers the layout, so
`cluster status` / `stop` / a later `start` find the same processes, ports and data.
docs/scale-out.md gives the same layout for several machines (Manticore).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

from search.cluster.meta import meta_index_config, meta_index_name
from search.cluster.schema import rt_index_config
from search.cluster.url import ClusterUrl

LAYOUT_FILE = "cluster.json"
AGENT_CONNECT_TIMEOUT_MS = 1000  # a shard that does not accept a connection within this is reported down
AGENT_QUERY_TIMEOUT_MS = 10_000  # a shard that does not answer a query within this is reported down
SEARCHD_READ_TIMEOUT_S = 10  # a client that stops sending a request mid-way is dropped
MAX_PACKET_MB = 128  # the largest request searchd takes (a batch of documents); Sphinx's own maximum


@dataclass(frozen=True)
class Node:
    """One `searchd` process of a local cluster."""

    shard: int
    sql_port: int
    api_port: int
    folder: str

    @property
    def config(self) -> Path:
        return Path(self.folder) / "searchd.conf"

    @property
    def pid_file(self) -> Path:
        return Path(self.folder) / "searchd.pid"

    @property
    def log(self) -> Path:
        return Path(self.folder) / "searchd.log"


@dataclass(frozen=True)
class LocalCluster:
    """A local cluster's layout: its folder, name, host and nodes (node 0 holds the distributed index)."""

    folder: str
    name: str
    host: str
    nodes: tuple[Node, ...]

    @property
    def url(self) -> ClusterUrl:
        return ClusterUrl(self.host, self.nodes[0].sql_port, self.name)

    def shard_index(self, shard: int) -> str:
        """The real-time index of shard `shard`: NAME_k."""
        return f"{self.name}_{shard}"


def plan(folder: Path, name: str, shards: int, port: int, host: str = "127.0.0.1") -> LocalCluster:
    """The layout of a new cluster of `shards` nodes in `folder` from `port` on (nothing written)."""
    folder = folder.resolve()
    nodes = tuple(Node(k, port + 2 * k, port + 2 * k + 1, str(folder / f"node{k}")) for k in range(shards))
    return LocalCluster(str(folder), name, host, nodes)


def write(cluster: LocalCluster) -> None:
    """Write every node's configuration file and folders, and `cluster.json`."""
    for node in cluster.nodes:
        folder = Path(node.folder)
        (folder / "data").mkdir(parents=True, exist_ok=True)
        (folder / "binlog").mkdir(exist_ok=True)
        node.config.write_text(node_config(cluster, node), encoding="utf-8")
    layout = {"name": cluster.name, "host": cluster.host, "nodes": [asdict(n) for n in cluster.nodes]}
    (Path(cluster.folder) / LAYOUT_FILE).write_text(json.dumps(layout, indent=2) + "\n", encoding="utf-8")


def read(folder: Path) -> LocalCluster:
    """The layout written by `write` in `folder`; `FileNotFoundError` when there is none."""
    data = json.loads((folder / LAYOUT_FILE).read_text(encoding="utf-8"))
    return LocalCluster(str(folder.resolve()), data["name"], data["host"], tuple(Node(**n) for n in data["nodes"]))


def node_config(cluster: LocalCluster, node: Node) -> str:
    """The `searchd` configuration of one node."""
    data = Path(node.folder) / "data"
    sections = [rt_index_config(cluster.shard_index(node.shard), str(data / cluster.shard_index(node.shard)))]
    if node.shard == 0:
        sections.append(meta_index_config(meta_index_name(cluster.name), str(data / meta_index_name(cluster.name))))
        agents = [f"    agent = {cluster.host}:{other.api_port}:{cluster.shard_index(other.shard)}"
                  for other in cluster.nodes[1:]]
        sections.append("\n".join([f"index {cluster.name}", "{", "    type = distributed",
                                   f"    local = {cluster.shard_index(0)}", *agents,
                                   f"    agent_connect_timeout = {AGENT_CONNECT_TIMEOUT_MS}",
                                   f"    agent_query_timeout = {AGENT_QUERY_TIMEOUT_MS}", "}", ""]))
    sections.append("\n".join([
        "searchd", "{",
        f"    listen = {cluster.host}:{node.sql_port}:mysql41",
        f"    listen = {cluster.host}:{node.api_port}",
        f"    log = {node.log}",
        f"    pid_file = {node.pid_file}",
        f"    binlog_path = {Path(node.folder) / 'binlog'}",
        "    workers = threads",
        f"    read_timeout = {SEARCHD_READ_TIMEOUT_S}",
        "    client_timeout = 300",
        f"    max_packet_size = {MAX_PACKET_MB}M",
        "    seamless_rotate = 0",
        "}", ""]))
    return "\n".join(sections)
