"""hccbone_ingest: bilingual biomedical pages -> normalized Parquet datasets."""

__version__ = "0.1.0"
