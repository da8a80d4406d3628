"""One module per kind of input: `plain` (.txt, .json, .jsonl, .csv), `html` (saved web pages),
`feeds` (RSS, Atom, JSON Feed), `warc` (web archives), `archives` (.zip, .tar.gz of any of these).
`search.ingest.readers` picks the reader by the file name's ending."""
