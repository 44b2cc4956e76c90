"""Reading inputs into `Article` records: files, folders, JSONL, stdin, strings, mappings.

Both the one-article API (`vnfigures.extract`) and the batch runner read through here, so an
article gives the same record from either; nothing here knows about workers or output files.

- `inputs.iter_inputs(sources)` streams `.txt`/`.html`/`.jsonl` files, folders and stdin as
  `Article` records (or read `Failure`s); `inputs.read_file`, `inputs.article_from_mapping`.
- `objects.to_article(value)` reads one API input (a text or HTML string, a path, a mapping);
  `objects.looks_like_html` tells an untyped string's format.
- `jsonl.json_lines`, `jsonl.parse_json_object`: the one JSONL line reader and parser, also
  used for run output, resume and predictions.
- `decode.decode_bytes` handles UTF-8/16 and the legacy Vietnamese encodings (Windows-1258,
  TCVN3, VNI), refusing binary input clearly; `vietnamese` judges syllable shapes for it.
- `language.flag_language` marks an article that is not Vietnamese (the language step).
"""
