"""The activity record (Task CR306020, Event CR306030, Send CR306015, Activity CR306010): what
each of its fields means. AR303000's Activities tab lists a customer's activities; the editors
add and edit them (app/ledger/activities.py holds the rules across fields).
"""

from __future__ import annotations

from app.ledger.activities import (
    ACTIVITY_TYPE,
    CUSTOMER,
    DUE,
    EMAIL_SUBJECT,
    EMAIL_TO,
    END,
    START,
    STATUS,
    SUMMARY,
    addresses_problem,
    is_note,
)
from app.ledger.fields import Definition, Field, Kind
from app.ledger.sources import CUSTOMERS, EMPLOYEES
from app.models import Activity, ActivityStatus, ActivityType

DRAFT_NOTE = (
    "This workstation sends no e-mail: the e-mail is stored as a draft to send, for a mail "
    "program or a later integration."
)

FIELDS: tuple[Field, ...] = (
    # Given by the editor that adds the activity (the customer shown, the window's type).
    Field(
        CUSTOMER,
        "Customer",
        Kind.LOOKUP,
        attr="customer_id",
        lookup=CUSTOMERS,
        required=True,
        help="The customer the activity is logged against.",
    ),
    Field(
        ACTIVITY_TYPE,
        "Type",
        Kind.OPTION,
        options=ActivityType,
        required=True,
        help="The type of the activity.",
    ),
    Field(SUMMARY, "Summary", Kind.TEXT, required=True, help="The description of the activity."),
    Field(
        STATUS,
        "Status",
        Kind.OPTION,
        options=ActivityStatus,
        required=True,
        enabled_when=lambda values: not is_note(values),
        help="The status of the activity: Open, In process, Completed or Cancelled (a note is "
        "always Completed).",
    ),
    Field(
        START,
        "Start date",
        Kind.DATETIME,
        attr="start_at",
        required=True,
        help="The start date and time of the activity.",
    ),
    Field(
        END,
        "End date",
        Kind.DATETIME,
        attr="end_at",
        help="When the event or activity ends; not before it starts.",
    ),
    Field(
        DUE,
        "Due date",
        Kind.DATETIME,
        attr="end_at",
        help="When the task is to be done; not before it starts.",
    ),
    Field(
        "time_spent",
        "Time spent",
        Kind.DURATION,
        minimum=0,
        help="The total time spent on the activity, in hours and minutes (h:mm; 90 reads as 1:30).",
    ),
    Field(
        "work_group",
        "Work group",
        Kind.TEXT,
        help="The work group the activity is assigned to (if any).",
    ),
    Field(
        "owner",
        "Owner",
        Kind.LOOKUP,
        attr="owner_id",
        lookup=EMPLOYEES,
        help="The employee to whom the activity is assigned.",
    ),
    Field(
        "released",
        "Released",
        Kind.CHECKBOX,
        help="Whether the activity is released (its time is final).",
    ),
    Field(
        "body",
        "Details",
        Kind.MEMO,
        help="What the activity is about, in as many lines as needed.",
    ),
    Field(
        EMAIL_TO,
        "To",
        Kind.TEXT,
        validators=(addresses_problem,),
        help="The e-mail addresses to send to, separated by ;. " + DRAFT_NOTE,
    ),
    Field(
        EMAIL_SUBJECT,
        "Subject",
        Kind.TEXT,
        help="The subject of the e-mail: the summary the Activities tab lists it by.",
    ),
    Field(
        "related_entity_description",
        "Related entity description",
        Kind.TEXT,
        read_only=True,
        help="The entity that this activity is associated with: the customer.",
    ),
    Field(
        "created_by",
        "Created by",
        Kind.TEXT,
        read_only=True,
        help="The user who created the activity (this workstation's login name).",
    ),
    Field(
        "created_at",
        "Created at",
        Kind.DATETIME,
        attr="created_local",
        read_only=True,
        help="The date and time when the activity was created.",
    ),
)


ACTIVITY = Definition("activity", Activity, FIELDS)
