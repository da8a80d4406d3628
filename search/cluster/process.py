"""Running a local cluster: start, status and stop of its `searchd` processes (`python -m search cluster`).

`start` writes the configuration (search/cluster/config.py), starts one `searchd` per shard,
waits until each answers SphinxQL, and records the shard list in the cluster's records, so the
printed URL is all a loader or a searcher needs. Started again on the same folder, it brings the
same nodes back on the same ports with their data. `searchd` detaches and reports success even
when it then fails (a port taken: it retries for half a minute, then exits), so success here is a
node that answers, and a failure is an error with the end of the node's log.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from search.cluster import config
from search.cluster.config import LocalCluster, Node
from search.cluster.connection import ClusterError, Connection, Shard, ShardDownError
from search.cluster.meta import write_layout

DEFAULT_NAME = "news"
DEFAULT_PORT = 9306
START_TIMEOUT_S = 20.0
STOP_TIMEOUT_S = 30.0
MAX_SHARDS = 64


class ClusterProcessError(ClusterError):
    """A local cluster's processes could not be started or stopped (the message says which and why)."""


def searchd_binary() -> str:
    """The `searchd` program ($SEARCHD, else the one on PATH or in /usr/sbin, /usr/bin)."""
    given = os.environ.get("SEARCHD")
    found = given or shutil.which("searchd") or next(
        (p for p in ("/usr/sbin/searchd", "/usr/bin/searchd") if os.access(p, os.X_OK)), None)
    if not found:
        raise ClusterProcessError("searchd is not installed: install Sphinx (Debian: apt-get install sphinxsearch) "
                                  "or Manticore Search, or set $SEARCHD to its path")
    return found


@dataclass(frozen=True)
class NodeStatus:
    """What `status` found of one node."""

    shard: int
    endpoint: str       # SphinxQL host:port
    pid: int | None     # from its pid file, when that process is alive
    answering: bool     # whether it answered SphinxQL
    documents: int | None  # in its shard's index, when it answered

    def describe(self) -> str:
        state = "running" if self.answering else ("not answering" if self.pid else "stopped")
        docs = f", {self.documents} articles" if self.documents is not None else ""
        pid = f", pid {self.pid}" if self.pid else ""
        return f"shard {self.shard} at {self.endpoint}: {state}{pid}{docs}"


def _port_free(host: str, port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError:
            return False
    return True


def free_ports(host: str, count: int, start: int = DEFAULT_PORT) -> int:
    """The first port from `start` on (in steps of `count`) with `count` consecutive free ports."""
    for base in range(start, 65535 - count, count):
        if all(_port_free(host, p) for p in range(base, base + count)):
            return base
    raise ClusterProcessError(f"no {count} consecutive free ports on {host} from {start} on")


def _pid(node: Node) -> int | None:
    """The pid in the node's pid file when that process is alive."""
    try:
        pid = int(node.pid_file.read_text().strip())
    except (OSError, ValueError):
        return None
    return pid if _alive(pid) else None


def _answers(host: str, node: Node) -> bool:
    try:
        with Connection(host, node.sql_port, connect_timeout=1.0, read_timeout=2.0) as db:
            db.query("SHOW STATUS")
    except ClusterError:
        return False
    return True


def _log_tail(node: Node, lines: int = 8) -> str:
    try:
        return "\n".join(node.log.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


def _start_node(cluster: LocalCluster, node: Node, binary: str) -> None:
    done = subprocess.run([binary, "--config", str(node.config)], capture_output=True, text=True,
                          timeout=START_TIMEOUT_S, cwd=node.folder)
    if done.returncode != 0:
        raise ClusterProcessError(f"searchd for shard {node.shard} failed to start:\n{done.stdout}{done.stderr}")


def _wait_until_answering(cluster: LocalCluster, node: Node) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if _answers(cluster.host, node):
            return
        time.sleep(0.1)
    raise ClusterProcessError(f"shard {node.shard}'s searchd does not answer on {cluster.host}:{node.sql_port} "
                              f"after {START_TIMEOUT_S:.0f} s; the end of {node.log}:\n{_log_tail(node)}")


def start(folder: str | Path, shards: int = 2, port: int | None = None, name: str = DEFAULT_NAME,
          host: str = "127.0.0.1") -> LocalCluster:
    """Start a local cluster in `folder` (new: `shards` nodes from `port`, default the first free
    ports from 9306; existing: its own layout, ports and data) and return its layout (`.url`)."""
    folder = Path(folder)
    try:
        cluster = config.read(folder)
    except FileNotFoundError:
        cluster = _new(folder, shards, port, name, host)
    else:
        if len(cluster.nodes) != shards or (port is not None and port != cluster.nodes[0].sql_port):
            raise ClusterProcessError(
                f"{folder} holds a cluster of {len(cluster.nodes)} shards from port {cluster.nodes[0].sql_port}; "
                f"start it as it is (--shards {len(cluster.nodes)}), or use another folder for a new one")
        config.write(cluster)  # the same layout, in this program's current configuration
    binary = searchd_binary()
    started: list[Node] = []
    try:
        for node in cluster.nodes:
            if _pid(node) is None:
                busy = [p for p in (node.sql_port, node.api_port) if not _port_free(cluster.host, p)]
                if busy:
                    raise ClusterProcessError(f"port {busy[0]} on {cluster.host}, needed by shard {node.shard}, "
                                              f"is taken by another program")
                _start_node(cluster, node, binary)
                started.append(node)
        for node in cluster.nodes:
            _wait_until_answering(cluster, node)
        with Connection(cluster.host, cluster.nodes[0].sql_port) as db:
            write_layout(db, cluster.name, shards_of(cluster))
    except BaseException:
        for node in started:
            _stop_node(node)
        raise
    return cluster


def _new(folder: Path, shards: int, port: int | None, name: str, host: str) -> LocalCluster:
    if not 1 <= shards <= MAX_SHARDS:
        raise ValueError(f"a local cluster has 1 to {MAX_SHARDS} shards, not {shards}")
    if folder.exists() and any(folder.iterdir()):
        raise ClusterProcessError(f"{folder} is not empty and holds no cluster ({config.LAYOUT_FILE}); "
                                  f"give an empty or new folder")
    if port is None:
        port = free_ports(host, 2 * shards)
    elif not 0 < port <= 65535 - 2 * shards:
        raise ValueError(f"port {port} is out of range")
    cluster = config.plan(folder, name, shards, port, host)
    config.write(cluster)
    return cluster


def shards_of(cluster: LocalCluster) -> list[Shard]:
    """The shards of a local cluster, as its records list them."""
    return [Shard(n.shard, cluster.host, n.sql_port, cluster.shard_index(n.shard)) for n in cluster.nodes]


def status(folder: str | Path) -> list[NodeStatus]:
    """Each node of the local cluster in `folder`: its process, whether it answers, its articles."""
    cluster = _read(Path(folder))
    found = []
    for node in cluster.nodes:
        documents = None
        try:
            with Connection(cluster.host, node.sql_port, connect_timeout=1.0, read_timeout=5.0) as db:
                rows = db.query(f"SELECT COUNT(*) FROM {cluster.shard_index(node.shard)}")
                documents = int(rows[0][0]) if rows else 0
        except ShardDownError:
            pass
        found.append(NodeStatus(node.shard, f"{cluster.host}:{node.sql_port}", _pid(node), documents is not None,
                                documents))
    return found


def stop(folder: str | Path) -> int:
    """Stop every node of the local cluster in `folder` (their data stays); returns how many were running."""
    cluster = _read(Path(folder))
    running = [node for node in cluster.nodes if _pid(node) is not None]
    for node in running:
        _stop_node(node)
    return len(running)


def _stop_node(node: Node) -> None:
    """Stop one node and wait until its process is gone (SIGKILL when it does not end in time)."""
    pid = _pid(node)
    if pid is None:
        return
    try:
        subprocess.run([searchd_binary(), "--config", str(node.config), "--stopwait"], capture_output=True,
                       timeout=STOP_TIMEOUT_S, cwd=node.folder)
    except subprocess.TimeoutExpired:
        pass
    deadline = time.monotonic() + 5.0
    while _alive(pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    if _alive(pid):
        _kill(node, pid)


def _watchdog(node: Node, pid: int) -> int | None:
    """The watchdog process of a node's searchd (its parent, running the same configuration), if any:
    it would start searchd again when it dies."""
    try:
        parent = int(Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[1])
        command = Path(f"/proc/{parent}/cmdline").read_bytes().split(b"\0")
    except (OSError, ValueError, IndexError):
        return None
    return parent if str(node.config).encode() in command else None


def _kill(node: Node, pid: int) -> None:
    watchdog = _watchdog(node, pid)
    for target in (watchdog, pid):
        if target is not None:
            try:
                os.kill(target, signal.SIGKILL)
            except ProcessLookupError:
                pass


def kill(folder: str | Path, shard: int) -> None:
    """Kill shard `shard`'s searchd with SIGKILL, its watchdog first so it stays down: a crashed
    machine, for failure tests. `start` brings it back with the data it had (its binlog)."""
    node = _read(Path(folder)).nodes[shard]
    pid = _pid(node)
    if pid is None:
        return
    _kill(node, pid)
    deadline = time.monotonic() + 5.0
    while _alive(pid) and time.monotonic() < deadline:
        time.sleep(0.05)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except OSError:
        return False
    try:  # a process that ended is a zombie until its parent reaps it (a killed searchd whose watchdog was
        # killed first is left to pid 1, which in a container may never reap it)
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split(")")[-1].split()[0] != "Z"
    except OSError:
        return True


def _read(folder: Path) -> LocalCluster:
    try:
        return config.read(folder)
    except FileNotFoundError:
        raise ClusterProcessError(f"{folder} holds no cluster ({config.LAYOUT_FILE}); start one with "
                                  f"`python -m search cluster start --dir {folder}`") from None
