"""Pricing: a tiny HTTP service for the nx-dockerize examples."""
