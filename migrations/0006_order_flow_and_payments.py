from tortoise import migrations
from tortoise.migrations import operations as ops
from models.money import MoneyField
from models.order import OrderStatus, PaymentMethod
from tortoise.fields.base import OnDelete
from tortoise import fields
from tortoise.indexes import Index

class AddCounter(ops.AddField):
    """AddField for a NOT NULL integer with a database default, so existing rows get 0.

    (tortoise's AddField emits no DEFAULT: SQLite refuses a NOT NULL column without one,
    PostgreSQL refuses it on a table that has rows.)
    """

    async def database_forward(self, app_label, old_state, new_state, state_editor=None):
        if state_editor is None:
            return
        model = new_state.apps.get_model(f"{app_label}.{self.model_name}")
        table = model._meta.db_table
        column = model._meta.fields_db_projection[self.name]
        default = int(self.field.default)
        await state_editor._run_sql(
            f'ALTER TABLE "{table}" ADD COLUMN "{column}" INT NOT NULL DEFAULT {default}'
        )


class Migration(migrations.Migration):
    dependencies = [('models', '0005_demo_marks')]

    initial = False

    operations = [
        ops.CreateModel(
            name='OrderStatusChange',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('order', fields.ForeignKeyField('models.Order', source_field='order_id', db_constraint=True, to_field='id', related_name='status_changes', on_delete=OnDelete.CASCADE)),
                ('from_status', fields.CharEnumField(description='CART: cart\nNEW: new\nCONFIRMED: confirmed\nSHIPPED: shipped\nDELIVERED: delivered\nCANCELLED: cancelled', enum_type=OrderStatus, max_length=16)),
                ('to_status', fields.CharEnumField(description='CART: cart\nNEW: new\nCONFIRMED: confirmed\nSHIPPED: shipped\nDELIVERED: delivered\nCANCELLED: cancelled', enum_type=OrderStatus, max_length=16)),
                ('changed_by', fields.ForeignKeyField('models.Client', source_field='changed_by_id', null=True, db_index=True, db_constraint=True, to_field='id', related_name='order_status_changes', on_delete=OnDelete.SET_NULL)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'order_status_changes', 'app': 'models', 'indexes': [Index(fields=['order_id', 'created_at'])], 'pk_attr': 'id', 'table_description': "One step of an order's status history: who moved it from what to what, and when."},
            bases=['Model'],
        ),
        ops.AddField(
            model_name='Order',
            name='paid_amount',
            field=MoneyField(null=True, generated=False, unique=False),
        ),
        ops.AddField(
            model_name='Order',
            name='paid_at',
            field=fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
        ),
        ops.AddField(
            model_name='Order',
            name='payment_charge_id',
            field=fields.CharField(null=True, max_length=255),
        ),
        ops.AddField(
            model_name='Order',
            name='payment_method',
            field=fields.CharEnumField(null=True, description='ON_DELIVERY: on_delivery\nTRANSFER: transfer\nTELEGRAM: telegram', enum_type=PaymentMethod, max_length=16),
        ),
        ops.AddField(
            model_name='Order',
            name='telegram_charge_id',
            field=fields.CharField(null=True, max_length=255),
        ),
        AddCounter(
            model_name='Order',
            name='version',
            field=fields.IntField(default=0),
        ),
    ]
