"""What the ledger knows of the workstation it runs on: its current branch (a preference of the
workstation, chosen with File › Current branch and kept in its settings; MAIN until chosen).

A customer's first location takes the branch's ID where the customer's class has Default
location ID from branch (app/ledger/locations.py ``main_location_id``). Light on purpose: start-up
sets it from the settings before the ORM is loaded.
"""

from __future__ import annotations

MAIN_BRANCH = "MAIN"  # the ID of the MAIN location, which a workstation without a branch uses

branch = MAIN_BRANCH


def use_branch(branch_id: str) -> None:
    """Make ``branch_id`` (checked by ``locations.workstation_branch_of``) the current branch."""
    global branch
    branch = branch_id


def user_name() -> str:
    """Who works at this workstation: the operating system's login name, as an activity's
    Created by records it (an offline single-user ledger has no users of its own)."""
    import getpass

    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no login name known to the system (a bare container)
        return "unknown"
