"""The role policy: only the principal and the county see restricted data; nobody logged in
sees nothing unmasked."""

import pytest

from dropout_ledger.model.access import POLICY, Permission, may
from dropout_ledger.model.profile import ROLES


def test_every_role_of_the_operator_table_has_a_policy() -> None:
    assert {role.code for role in ROLES} == set(POLICY)


@pytest.mark.parametrize("role", ["", None, "class_teacher", "janitor"])
def test_roles_without_rights_see_only_masked_data(role: str | None) -> None:
    assert not any(may(role, permission) for permission in Permission)


def test_registrar_sees_full_ids_but_not_poverty_category() -> None:
    assert may("registrar", Permission.FULL_IDS)
    assert not may("registrar", Permission.RESTRICTED)
    assert may("principal", Permission.RESTRICTED)
