"""SCORM packaging: manifests, deterministic zips, and checks for any SCORM package."""
