"""Prefect flows over the pipeline library. Thin: operational policy only, no domain logic."""
