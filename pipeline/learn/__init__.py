"""Models learned from the gold corpora (training commands; the weights live in models/learned/)."""
