"""Full-text search over the catalog (whoosh)."""
