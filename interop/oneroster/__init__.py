"""OneRoster 1.2 CSV bundles (with the Japan Profile's columns), read in plain Python: no Django
here (STYLE.md). ``reader.read_bundle`` turns a zip or a set of files into a Bundle, or refuses it
with every problem found, each named by file and line."""
