"""The built site as a deployment: what it weighs for the host (files, bytes, the Pages
artifact) and whether that stays inside the host's limits. Reads only a finished folder."""
