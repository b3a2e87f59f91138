"""Site search: words of a built page (text), the inverted index written in shards (index),
and the indexing of pages while the build renders them (prep)."""
