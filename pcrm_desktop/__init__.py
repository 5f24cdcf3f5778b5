"""PCRM Desktop: offline public customer relationship management for Korean district offices."""

__version__ = "0.1.0"
APP_NAME = "PCRM Desktop"
ORG_NAME = "PCRM"
