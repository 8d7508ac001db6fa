"""Statement windows: preview and printing, Prepare statements, statement history (AR404600)
and Aged receivables."""
