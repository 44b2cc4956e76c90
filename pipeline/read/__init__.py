"""Reading inputs into `Article` records: files, folders, JSONL, stdin, strings, mappings.

Both the one-article API (`vnfigures.extract`) and the batch runner read through here, so an
article gives the same record from either; nothing here knows about workers or output files.

- `inputs.iter_inputs(sources)` streams `.txt`/`.html`/`.jsonl` files, folders and stdin as
  `Article` records (or read `Failure`s); `inputs.read_file`, `inputs.article_from_mapping`.
- `decode.decode_bytes` handles UTF-8/16 and the legacy Vietnamese encodings (Windows-1258,
  TCVN3, VNI), refusing binary input clearly; `vietnamese` judges syllable shapes for it.
- `language.flag_language` marks an article that is not Vietnamese (the language step).
"""
