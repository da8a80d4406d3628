"""Full-text search with faceted browsing for news articles.

    >>> from search import search, build_index
    >>> build_index(["seeds/"], "/tmp/news-index")
    >>> res = search("cyber", filters={"country": ["South Korea"]}, index_dir="/tmp/news-index")
    >>> res.total, [h.title for h in res.hits], res.facets["source"]
"""

from .article import Article
from .errors import IndexBusyError, IndexCorruptError, IndexNotFoundError, SearchError
from .facets import FacetValue
from .query import ArticleView, Hit, SearchResult, get_article, search
from .readers import ReadError, read_paths
from .schema import FACETS
from .store import IndexReport, build_index, default_index_dir

__all__ = [
    "Article", "ArticleView", "FACETS", "FacetValue", "Hit", "IndexBusyError", "IndexCorruptError",
    "IndexNotFoundError", "IndexReport", "ReadError", "SearchError", "SearchResult", "build_index",
    "default_index_dir", "get_article", "read_paths", "search",
]
