"""The documented error types of the public API."""


class SearchError(Exception):
    """Base class of every error this package raises on purpose."""


class IndexNotFoundError(SearchError):
    """The index directory does not exist or holds no index."""


class IndexCorruptError(SearchError):
    """The directory holds something that is not a readable index of ours."""


class IndexBusyError(SearchError):
    """Another process is writing to the index and did not finish in time."""
