"""The order desk: the managers' note on an order, and the indexes its lists walk
(newest placed first per status, and per client).

Only a column and indexes are added (no table rebuild on SQLite).
"""

from tortoise import fields, migrations
from tortoise.indexes import Index
from tortoise.migrations import operations as ops


class Migration(migrations.Migration):
    dependencies = [("models", "0008_broadcast_leases")]

    initial = False

    operations = [
        ops.AddField(
            model_name="Order",
            name="manager_note",
            field=fields.TextField(null=True),
        ),
        ops.AddIndex(
            model_name="Order",
            index=Index(fields=["status", "placed_at", "id"]),
        ),
        ops.AddIndex(
            model_name="Order",
            index=Index(fields=["client_id", "placed_at", "id"]),
        ),
    ]
