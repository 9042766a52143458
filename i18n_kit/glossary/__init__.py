"""Terminology glossary: SCO bodies, states and names in en, ru and zh."""
