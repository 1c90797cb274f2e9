"""library-app: a desktop catalog for environmental libraries."""

__version__ = "0.1.0"
