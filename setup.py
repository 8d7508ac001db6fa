"""The one thing pyproject.toml cannot say: the top-level resources/ folder is shipped inside
the wheel as the data package ``app._resources`` (app/resources.py looks there when installed).
Everything else about the build is in pyproject.toml."""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["app", "app.*"]), "app._resources"],
    package_dir={"app._resources": "resources"},
)
