"""Tortoise models of the `models` app, one module per aggregate."""

from models.address import Address
from models.audit import AuditEntry
from models.broadcast import Broadcast, BroadcastDelivery, BroadcastStatus, DeliveryStatus
from models.catalog import Category, Favorite, Product
from models.chat import ChatDirection, ChatMessage, ChatMessageKind, ChatSession
from models.client import Client, new_referral_code
from models.erasure import ErasureRequest, ErasureStatus
from models.order import Order, OrderItem, OrderStatus, OrderStatusChange, PaymentMethod
from models.outbox import EmailMessage, OutboxStatus, SmsMessage
from models.promo import PromoCode, PromoKind, PromoRedemption
from models.segment import SavedSegment
from models.settings import Setting
from models.tag import Tag

__all__ = [
    "Address",
    "AuditEntry",
    "Broadcast",
    "BroadcastDelivery",
    "BroadcastStatus",
    "Category",
    "ChatDirection",
    "ChatMessage",
    "ChatMessageKind",
    "ChatSession",
    "Client",
    "DeliveryStatus",
    "EmailMessage",
    "ErasureRequest",
    "ErasureStatus",
    "Favorite",
    "Order",
    "OrderItem",
    "OrderStatus",
    "OrderStatusChange",
    "OutboxStatus",
    "PaymentMethod",
    "Product",
    "PromoCode",
    "PromoKind",
    "PromoRedemption",
    "SavedSegment",
    "Setting",
    "SmsMessage",
    "Tag",
    "new_referral_code",
]
