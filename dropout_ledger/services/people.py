"""People a visit can name: who the ledger already knows, most relevant to this pupil first.

Why a pick list and not a text box: the same few teachers, the village cadre and the township
official go on visit after visit. Typing them each time gives "李老师", "李明" and "李 明" for one
person, and the monthly report then cannot count who did the work. The ledger already holds
these names: the principal, the operators, the pupil's case (包保教师, 村级责任人, 乡镇责任人),
pairing teachers, and everybody who took part in a visit, a 送教上门 session or a notice's
delivery.

Ranking: the pupil's own case and pairing people first (they are expected on the visit), then
people who already visited this pupil, then the principal and operators, then everyone else by
how often they took part. A person appears once, under their most relevant role.

Why one SQL statement: on a county-sized ledger (150,000 pupils, tens of thousands of visits)
the name lists must be unpacked (`json_each`), counted and ranked where the rows are; Python
sees only the final, short list. The pupil's case is found through `rec_case_student`; the
counting reads the visit, notice, 送教 and pairing tables once each and never the roster.
Measured on the 150,000-pupil demo ledger (3,200 visits): 23 ms; with 60,000 more visits: 250 ms,
most of it SQLite sorting the names to group them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dropout_ledger.model.profile import ROLES

if TYPE_CHECKING:
    from dropout_ledger.ledger import Ledger

KNOWN_PEOPLE_LIMIT = 100
"""More names than a pick list can usefully show; the least frequent are left out."""

# Role labels (Chinese, shown next to the name) and their tier: lower is more relevant.
CASE_TEACHER, VILLAGE, TOWNSHIP = "包保教师", "村级责任人", "乡镇责任人"
PAIRING, PRINCIPAL, OPERATOR = "结对教师", "校长", "操作员"
VISITED, HOME_TEACHER = "曾参加劝返", "送教教师"

_ROLE_LABELS = {role.code: role.label for role in ROLES}

# Every source of names as (name, role, tier, label, times) rows. Tier ranks the person: 0 this
# pupil's case and pairing, 1 this pupil's earlier visits, 2 principal and operators, 3 everyone
# else. Label picks the role shown when a name comes from several sources: what the person is
# to this pupil or the school (包保教师, 校长) before what they once did (曾参加劝返), and that
# before a pairing with some other pupil. `extra` carries the principal and the
# operators, read from the settings beforehand, as a JSON array of [name, role].
_KNOWN_PEOPLE_SQL = f"""
WITH open_case AS (
    SELECT teacher, village_contact, township_contact FROM rec_case
     WHERE student_id = :sid AND retracted = 0 AND closed_date IS NULL
),
sources(name, role, tier, label, times) AS (
    SELECT teacher, '{CASE_TEACHER}', 0, 0, 0 FROM open_case
    UNION ALL SELECT village_contact, '{VILLAGE}', 0, 1, 0 FROM open_case
    UNION ALL SELECT township_contact, '{TOWNSHIP}', 0, 2, 0 FROM open_case
    UNION ALL
    SELECT p.teacher, '{PAIRING}', CASE WHEN p.student_id = :sid THEN 0 ELSE 3 END,
           CASE WHEN p.student_id = :sid THEN 3 ELSE 6 END, 1
      FROM rec_pairing p WHERE p.retracted = 0
    UNION ALL
    SELECT json_extract(e.value, '$[0]'), json_extract(e.value, '$[1]'), 2, 4, 0
      FROM json_each(:extra) e
    UNION ALL
    SELECT j.value, '{VISITED}', CASE WHEN v.student_id = :sid THEN 1 ELSE 3 END, 5, 1
      FROM rec_visit v, json_each(v.participants) j WHERE v.retracted = 0
    UNION ALL
    SELECT j.value, '{VISITED}', 3, 5, 1
      FROM rec_notice n, json_each(n.deliverer) j WHERE n.retracted = 0
    UNION ALL
    SELECT j.value, '{HOME_TEACHER}', 3, 7, 1
      FROM rec_home_teaching h, json_each(h.teachers) j WHERE h.retracted = 0
),
grouped(name, role, tier, label, times) AS (
    SELECT name, role, min(tier), min(label), sum(times) FROM sources
     WHERE coalesce(name, '') != '' GROUP BY name, role
),
ranked AS (
    SELECT name, role, min(tier) OVER per_name AS tier, min(label) OVER per_name AS label,
           sum(times) OVER per_name AS total,
           row_number() OVER (per_name ORDER BY label, times DESC) AS pick
      FROM grouped WINDOW per_name AS (PARTITION BY name)
)
SELECT name, role, total FROM ranked WHERE pick = 1
 ORDER BY tier, CASE tier WHEN 0 THEN label END, total DESC, name LIMIT :limit
"""


@dataclass(frozen=True)
class Person:
    """Someone who can take part in a visit: the name as stored, and why the ledger knows them.

    `role` is a Chinese label (包保教师, 村级责任人, 曾参加劝返 …); `times` is how often the name
    appears in visits, notice deliveries, 送教 sessions and pairings of this ledger.
    """

    name: str
    role: str
    times: int = 0


def known_people(
    ledger: Ledger, student_id: str, *, limit: int = KNOWN_PEOPLE_LIMIT
) -> list[Person]:
    """The people a visit to `student_id` is likely to name, most relevant first, one per name."""
    extra = json.dumps(_staff(ledger), ensure_ascii=False)
    rows = ledger.conn.execute(
        _KNOWN_PEOPLE_SQL, {"sid": student_id, "extra": extra, "limit": limit})
    return [Person(name=str(name), role=str(role), times=int(times or 0))
            for name, role, times in rows]


def _staff(ledger: Ledger) -> list[tuple[str, str]]:
    """The principal named on the organisation, then each operator under their role's label."""
    principal = str(ledger.settings.entity(f"org:{ledger.org_id}").get("principal") or "")
    staff = [(principal, PRINCIPAL)] if principal else []
    for operator in ledger.settings.operators():
        role = _ROLE_LABELS.get(str(operator.get("role") or ""), OPERATOR)
        staff.append((str(operator.get("name") or ""), role))
    return staff
