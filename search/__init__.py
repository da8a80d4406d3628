"""Full-text search with faceted browsing for news articles.

    >>> from search import search, build_index
    >>> build_index(["seeds/"], "/tmp/news-index")
    >>> res = search("cyber", filters={"country": ["South Korea"]}, index_dir="/tmp/news-index")
    >>> res.total, [h.title for h in res.hits], res.facets["source"]
"""

from .article import Article
from .errors import IndexBusyError, IndexCorruptError, IndexNotFoundError, SearchError
from .explore import ArticleView, CoOccurrence, IndexStats, cooccurrence, facet_values, get_article, index_stats, similar
from .export import export
from .facets import FacetValue
from .query import DateHistogram, Hit, SearchResult, search
from .readers import ReadError, read_paths
from .schema import FACETS
from .selection import Selection
from .store import IndexReport, build_index, default_index_dir, delete_articles

__all__ = [
    "Article", "ArticleView", "CoOccurrence", "DateHistogram", "FACETS", "FacetValue", "Hit", "IndexBusyError",
    "IndexCorruptError", "IndexNotFoundError", "IndexReport", "IndexStats", "ReadError", "SearchError",
    "SearchResult", "Selection", "build_index", "cooccurrence", "default_index_dir", "export", "facet_values",
    "delete_articles", "get_article", "index_stats", "read_paths", "search", "similar",
]
