"""The cloud as an HTTP service: FastAPI app, dynamic batcher with atomic group admission."""
