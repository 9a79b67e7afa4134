"""db/schema.sql is what the migrations produce (regenerate with `make schema-dump`)."""

from devstack.paths import ROOT
from devstack.stack import DBNAME, LocalStack


def test_committed_schema_dump_is_current(stack: LocalStack) -> None:
    committed = (ROOT / "db" / "schema.sql").read_text()
    assert stack.postgres.schema_dump(DBNAME) == committed, (
        "db/schema.sql is stale: run `make schema-dump` and commit it"
    )
