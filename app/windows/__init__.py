"""The Qt screens."""
