"""A realistic fake shop, so a new user sees a living client desk at once.

`shopdesk demo-data --clients N --seed S` calls `fill_demo_shop`. Everything comes from
one seed: the same seed on an empty database gives the same shop (only the dates move
with "now"). Rows are built in Python and written with `bulk_create` and multi-row
inserts, one transaction per batch of clients, so 3000 clients take a few seconds.

Running it again adds more demo clients instead of failing: demo Telegram ids continue
after the highest one already there (they start at `DEMO_TELEGRAM_ID_BASE`, far above
the ids Telegram hands out today, so a real user never meets a demo profile), referral
codes are checked against the database, tags and demo promo codes are reused by name,
demo managers are added only when the shop has none, and the catalog is created only
when the shop has no visible product yet (else the existing products, in their most
common currency, are ordered and favorited). The summary counts what this call created.

Clients, addresses and orders get explicit ids (the next ones after MAX(id), read inside
the batch's transaction) so rows can point at each other without reading ids back; on
PostgreSQL the tables are locked for the batch and the sequences moved past them after.
Best run while the bot is stopped: on SQLite a concurrent insert can make a batch fail.

Every client, category, product, tag and promo code it creates is marked `is_demo`;
`remove_demo_shop` (bot.services.demo_removal) deletes them again before going live.

The fake people cannot be reached: emails use the reserved example.com/net/org domains,
US phones the fictional 555-01xx range (Russian and Polish mobile numbers are random,
so do not send SMS to demo clients through a real gateway).
"""

from __future__ import annotations

import random
import string
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from itertools import accumulate

from faker import Faker
from pypika_tortoise import Table
from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.expressions import F
from tortoise.models import Model
from tortoise.transactions import in_transaction

from bot.services.clients import MANUAL_SOURCE, fold, search_text_of, sort_name_of
from bot.services.demo_history import status_history
from bot.services.money import shop_currency
from bot.services.orders import COUNTED_STATUSES
from bot.services.promo import discount_for
from models import (
    Address,
    Category,
    ChatDirection,
    ChatMessage,
    Client,
    Favorite,
    Order,
    OrderItem,
    OrderStatus,
    OrderStatusChange,
    Product,
    PromoCode,
    PromoKind,
    PromoRedemption,
    Tag,
)
from models.client import REFERRAL_CODE_ALPHABET, REFERRAL_CODE_LENGTH

DEMO_TELEGRAM_ID_BASE = 9_000_000_000_000
# clients written per transaction (with their addresses, orders, items, ...)
BATCH_CLIENTS = 1000
INSERT_BATCH = 500
HISTORY_DAYS = 730

# what counts in a client's orders_count and total_spent: the order service's rule
PLACED = frozenset(COUNTED_STATUSES)


@dataclass(frozen=True, slots=True)
class DemoSummary:
    """What one `fill_demo_shop` call created (rows it added, not the totals)."""

    clients: int = 0
    categories: int = 0
    products: int = 0
    orders: int = 0
    tags: int = 0
    addresses: int = 0
    favorites: int = 0
    promo_codes: int = 0
    referrals: int = 0
    chat_messages: int = 0
    # the shop already had visible products: orders and favorites use them
    catalog_reused: bool = False

    def __str__(self) -> str:
        counts = ", ".join(
            f"{getattr(self, f.name)} {f.name.replace('_', ' ')}"
            for f in fields(self)
            if f.name != "catalog_reused"
        )
        return counts + (" (existing catalog reused)" if self.catalog_reused else "")


# --- what the shop sells ---------------------------------------------------------------

_CATALOG: tuple[tuple[str, str, tuple[int, int], tuple[str, ...]], ...] = (
    (
        "Coffee & Tea",
        "Freshly roasted beans, loose-leaf tea and everything to brew them.",
        (8, 45),
        (
            "Ethiopia Yirgacheffe beans 250 g",
            "Colombia Supremo beans 1 kg",
            "Espresso blend 500 g",
            "Decaf house blend 250 g",
            "Sencha green tea 100 g",
            "Earl Grey loose tea 100 g",
            "Masala chai spice mix",
            "Pour-over dripper",
            "Hand coffee grinder",
            "Cold brew bottle 1 l",
        ),
    ),
    (
        "Tableware",
        "Handmade ceramics, glass and wood for everyday meals.",
        (6, 60),
        (
            "Stoneware mug 350 ml",
            "Espresso cups, set of 2",
            "Ceramic plate 27 cm",
            "Oak salad bowl",
            "Glass carafe 1 l",
            "Teapot 800 ml",
            "Walnut serving board",
            "Cutlery set for two",
            "Sugar bowl with lid",
            "Ceramic pasta bowl",
        ),
    ),
    (
        "Home Textiles",
        "Linen, cotton and wool for a cosy home.",
        (15, 120),
        (
            "Wool throw blanket",
            "Linen bed set, double",
            "Cotton bath towel",
            "Waffle hand towel",
            "Cushion cover 45x45",
            "Knitted plaid",
            "Linen table runner",
            "Bathrobe, unisex",
            "Kitchen apron",
            "Linen napkins, set of 4",
        ),
    ),
    (
        "Candles & Scents",
        "Soy candles, diffusers and room scents poured in small batches.",
        (7, 40),
        (
            "Soy candle 'Forest'",
            "Soy candle 'Lavender'",
            "Reed diffuser 'Citrus'",
            "Scented sachets, set of 3",
            "Beeswax taper candles",
            "Eucalyptus aroma oil",
            "Concrete candle holder",
            "Sandalwood incense sticks",
            "Room spray 'Fresh linen'",
            "Brass candle snuffer",
        ),
    ),
    (
        "Stationery",
        "Notebooks, pens and paper goods.",
        (3, 35),
        (
            "Dotted notebook A5",
            "Undated weekly planner",
            "Fountain pen",
            "Gel pens, set of 5",
            "Washi tape, set of 6",
            "Kraft envelopes, 10 pcs",
            "Birch desk organizer",
            "Pastel sticky notes",
            "Watercolour postcards",
            "Brass bookmark",
        ),
    ),
    (
        "Bags & Accessories",
        "Bags, leather goods and warm knitwear.",
        (12, 150),
        (
            "Canvas tote bag",
            "Leather card holder",
            "Crossbody bag",
            "Wool beanie",
            "Knitted scarf",
            "Travel pouch",
            "Leather belt",
            "Backpack 20 l",
            "Compact umbrella",
            "Leather key holder",
        ),
    ),
    (
        "Natural Cosmetics",
        "Vegan skin and body care without synthetic fragrance.",
        (5, 55),
        (
            "Hand cream 75 ml",
            "Honey lip balm",
            "Body oil 100 ml",
            "Shea butter soap",
            "Face serum 30 ml",
            "Shampoo bar",
            "Bath salt 500 g",
            "Clay face mask",
            "Foot cream",
            "Gift set 'Spa evening'",
        ),
    ),
    (
        "Kids",
        "Safe wooden toys, books and clothes for little ones.",
        (6, 70),
        (
            "Wooden stacking toy",
            "Plush bunny",
            "Colouring book",
            "Kids' mug",
            "Puzzle, 48 pieces",
            "Knitted baby booties",
            "Wooden train",
            "Memory game",
            "Kids' backpack",
            "Bath toys, set of 4",
        ),
    ),
    (
        "Gift Boxes",
        "Ready-made gift sets, wrapped and with a card.",
        (25, 120),
        (
            "Coffee lover's box",
            "Tea ceremony set",
            "Cosy evening box",
            "Mini candle trio",
            "Spa set for two",
            "New home box",
            "Thank-you box",
            "Birthday box",
            "Sweet tooth box",
            "Office survival kit",
        ),
    ),
    (
        "Plants & Garden",
        "Indoor plants, planters and small garden tools.",
        (5, 65),
        (
            "Ceramic planter 14 cm",
            "Monstera, 40 cm",
            "Succulent trio",
            "Zinc watering can",
            "Plant mister",
            "Herb seed kit",
            "Macrame plant hanger",
            "Potting soil 5 l",
            "Garden gloves",
            "Terrarium kit",
        ),
    ),
)

# name, kind, value, min order total, max uses per client, validity window in days ago
_PROMOS: tuple[tuple[str, PromoKind, str, str | None, int | None, tuple[int, int] | None], ...] = (
    ("WELCOME10", PromoKind.PERCENT, "10", None, 1, None),
    ("SPRING15", PromoKind.PERCENT, "15", "30", None, (420, 330)),
    ("BLACKFRIDAY", PromoKind.PERCENT, "25", None, None, (400, 380)),
    ("VIP20", PromoKind.PERCENT, "20", "100", None, None),
    ("MINUS5", PromoKind.FIXED, "5", "30", None, None),
    ("GIFT10", PromoKind.FIXED, "10", "60", 2, (200, -30)),
)

# name, the language it belongs to (None: any)
_TAGS: tuple[tuple[str, str | None], ...] = (
    ("VIP", None),
    ("wholesale", "en"),
    ("B2B", None),
    ("newsletter", None),
    ("influencer", None),
    ("returns", None),
    ("gift buyer", "en"),
    ("Instagram lead", None),
    ("постоянный", "ru"),
    ("опт", "ru"),
    ("перезвонить", "ru"),
    ("hurtownia", "pl"),
    ("stały klient", "pl"),
    ("do kontaktu", "pl"),
    ("Allegro", "pl"),
)

_WHOLESALE_TAG = {"en": "wholesale", "ru": "опт", "pl": "hurtownia"}
# tags a client earns (spend, company) rather than gets at random
_EARNED_TAGS = frozenset({"VIP", "B2B", *_WHOLESALE_TAG.values()})
# clients who spent at least this much are tagged VIP
VIP_SPENT = Decimal("500")

_SOURCES = ("telegram", "instagram", "facebook", "allegro", "website", "phone")
_SOURCE_WEIGHTS = {
    "ru": (60, 20, 5, 0, 10, 5),
    "pl": (35, 20, 10, 20, 10, 5),
    "en": (45, 25, 15, 0, 12, 3),
}


@dataclass(frozen=True, slots=True)
class _Language:
    code: str
    faker_locale: str
    weight: int
    country: str
    labels: tuple[str, ...]
    descriptions: tuple[str, ...]
    comments: tuple[str, ...]
    # (client asks, manager answers)
    chats: tuple[tuple[str, str], ...]


_LANGUAGES = (
    _Language(
        code="ru",
        faker_locale="ru_RU",
        weight=45,
        country="Россия",
        labels=("Дом", "Работа", "Дача", "Родители"),
        descriptions=(
            "Просит звонить после 18:00.",
            "Заказывает подарки коллегам к праздникам.",
            "Предпочитает доставку курьером.",
            "Был недоволен сроками доставки, извинились и дали скидку.",
            "Интересуется оптовыми ценами.",
            "Пришла по рекомендации подруги.",
        ),
        comments=(
            "Позвоните за час до доставки",
            "Домофон не работает, наберите",
            "Упакуйте, пожалуйста, как подарок",
            "Оставьте у двери",
        ),
        chats=(
            ("Здравствуйте! Когда отправите мой заказ?", "Добрый день! Отправим сегодня."),
            ("Есть ли эта свеча в наличии?", "Да, есть. Добавить в ваш заказ?"),
            ("Можно поменять адрес доставки?", "Конечно, напишите новый адрес."),
            ("Спасибо, всё пришло, очень красиво!", "Спасибо за отзыв, ждём вас снова!"),
            ("Делаете подарочную упаковку?", "Да, бесплатно, отметьте в комментарии."),
        ),
    ),
    _Language(
        code="pl",
        faker_locale="pl_PL",
        weight=35,
        country="Polska",
        labels=("Dom", "Praca", "Działka", "Rodzice"),
        descriptions=(
            "Prosi o kontakt po 17:00.",
            "Kupuje prezenty firmowe na święta.",
            "Woli odbiór w paczkomacie.",
            "Reklamacja w zeszłym roku, załatwiona.",
            "Pyta o ceny hurtowe.",
            "Klientka z polecenia.",
        ),
        comments=(
            "Proszę zadzwonić przed dostawą",
            "Proszę zapakować na prezent",
            "Domofon nie działa",
            "Zostawić u sąsiada spod 4",
        ),
        chats=(
            ("Dzień dobry, kiedy wyślecie moje zamówienie?", "Dzień dobry! Wysyłka dzisiaj."),
            ("Czy ta świeca jest dostępna?", "Tak, jest. Dodać do zamówienia?"),
            ("Czy mogę zmienić adres dostawy?", "Oczywiście, proszę podać nowy adres."),
            ("Dziękuję, wszystko doszło, super!", "Dziękujemy, zapraszamy ponownie!"),
            ("Czy pakujecie na prezent?", "Tak, za darmo, wystarczy dopisać w uwagach."),
        ),
    ),
    _Language(
        code="en",
        faker_locale="en_US",
        weight=20,
        country="United States",
        labels=("Home", "Work", "Mom's", "Summer house"),
        descriptions=(
            "Prefers calls after 5 pm.",
            "Buys corporate gifts every December.",
            "Always asks for gift wrapping.",
            "Had a late delivery once, got a discount.",
            "Asked about wholesale prices.",
            "Came through a friend's recommendation.",
        ),
        comments=(
            "Please call before delivery",
            "Gift wrap, please",
            "Leave at the door",
            "Ring twice",
        ),
        chats=(
            ("Hi! When will my order ship?", "Hello! It ships today."),
            ("Is this candle in stock?", "Yes, it is. Shall I add it to your order?"),
            ("Can I change the delivery address?", "Sure, just send the new one."),
            ("Thanks, everything arrived, lovely!", "Thank you, see you again!"),
            ("Do you gift wrap?", "Yes, for free, just mention it in the comment."),
        ),
    ),
)

_EMAIL_DOMAINS = (
    "example.com",
    "example.net",
    "example.org",
    "mail.example.com",
    "inbox.example.net",
)
_PL_MOBILE = ("50", "51", "53", "57", "60", "66", "69", "72", "73", "78", "79", "88")
_US_AREA = ("212", "305", "312", "415", "512", "617", "702", "206", "404", "713")

_TRANSLIT = str.maketrans(
    {
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ж": "zh", "з": "z",
        "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p",
        "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch",
        "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
    }
)  # fmt: skip


_ASCII_ALNUM = frozenset(string.ascii_lowercase + string.digits)


def _latin(text: str) -> str:
    """'Łukasz' -> 'lukasz', 'Щукин' -> 'shchukin': ASCII letters and digits only."""
    return "".join(ch for ch in fold(text).translate(_TRANSLIT) if ch in _ASCII_ALNUM)


def _phone(rng: random.Random, language: str) -> str:
    """An E.164 mobile number of the client's country."""
    if language == "ru":
        return f"+79{rng.randrange(10**9):09d}"
    if language == "pl":
        return f"+48{rng.choice(_PL_MOBILE)}{rng.randrange(10**7):07d}"
    return f"+1{rng.choice(_US_AREA)}55501{rng.randrange(100):02d}"


def _address_text(address: Address) -> str:
    city = " ".join(p for p in (address.postal_code, address.city) if p)
    return ", ".join(p for p in (address.street, city, address.country) if p)


@dataclass(slots=True)
class _Promo:
    id: int
    code: str
    kind: PromoKind
    value: Decimal
    min_total: Decimal | None
    per_client: int | None
    valid_from: datetime | None
    valid_until: datetime | None
    is_active: bool
    remaining: int | None
    model: PromoCode
    used: int = 0

    def discount_for(
        self, subtotal: Decimal, currency: str, at: datetime, uses: int
    ) -> Decimal | None:
        if (self.remaining is not None and self.remaining <= 0) or (
            self.per_client is not None and uses >= self.per_client
        ):
            return None
        if (self.valid_from and at < self.valid_from) or (
            self.valid_until and at > self.valid_until
        ):
            return None
        if self.valid_until is None and not self.is_active:
            return None
        if self.min_total is not None and subtotal < self.min_total:
            return None
        # the amount as checkout computes it (rounding, never above the subtotal)
        return discount_for(self.model, subtotal, currency)


@dataclass(slots=True)
class _Batch:
    """Rows of one batch of clients, written in one transaction."""

    clients: list[Client] = field(default_factory=list)
    client_tags: list[tuple[int, int]] = field(default_factory=list)
    addresses: list[Address] = field(default_factory=list)
    orders: list[Order] = field(default_factory=list)
    items: list[OrderItem] = field(default_factory=list)
    status_changes: list[OrderStatusChange] = field(default_factory=list)
    redemptions: list[PromoRedemption] = field(default_factory=list)
    favorites: list[Favorite] = field(default_factory=list)
    chats: list[ChatMessage] = field(default_factory=list)


@dataclass(slots=True)
class _Ids:
    """The next free primary keys, read inside the batch's transaction."""

    client: int
    address: int
    order: int

    def take(self, name: str) -> int:
        value = getattr(self, name)
        setattr(self, name, value + 1)
        return value


async def fill_demo_shop(
    clients: int = 3000, seed: int = 1, *, now: datetime | None = None
) -> DemoSummary:
    """Fill the database with a fake shop of `clients` clients; see the module docstring.

    Each client's denormalized `orders_count`, `total_spent` and `last_order_at` count
    their placed orders, cancelled excluded (statuses new, confirmed, shipped, delivered);
    `last_order_at` is the latest such order's `placed_at`.
    """
    if clients < 0:
        raise ValueError("clients must be >= 0")
    now = now or datetime.now(UTC)
    first_index = await _next_demo_index()
    # the same seed on an empty database gives the same shop; a later run differs
    rng = random.Random(seed * 1_000_003 + first_index)
    builder = _Builder(rng, now, first_index)

    async with in_transaction() as conn:
        await builder.prepare_shared(conn, wanted_clients=clients)

    for start in range(0, clients, BATCH_CLIENTS):
        size = min(BATCH_CLIENTS, clients - start)
        async with in_transaction() as conn:
            await builder.write_batch(conn, size)

    if builder.promo_uses:
        async with in_transaction() as conn:
            for promo in builder.promos:
                if promo.used:
                    await (
                        PromoCode.filter(id=promo.id)
                        .using_db(conn)
                        .update(uses_count=F("uses_count") + promo.used)
                    )
    return builder.summary()


async def _next_demo_index() -> int:
    last = (
        await Client.filter(telegram_id__gte=DEMO_TELEGRAM_ID_BASE)
        .order_by("-telegram_id")
        .first()
        .values_list("telegram_id", flat=True)
    )
    return 0 if last is None else int(last) - DEMO_TELEGRAM_ID_BASE + 1  # type: ignore[arg-type]


class _Builder:
    def __init__(self, rng: random.Random, now: datetime, first_index: int) -> None:
        self.rng = rng
        self.now = now
        self.first_index = first_index
        # the demo index of the next client: its Telegram id is BASE + index
        self.index = first_index
        self.fakers: dict[str, Faker] = {}
        for language in _LANGUAGES:
            fake = Faker(language.faker_locale)
            fake.seed_instance(rng.randrange(2**32))
            self.fakers[language.code] = fake
        self.languages = _LANGUAGES
        self.language_weights = list(accumulate(lang.weight for lang in _LANGUAGES))
        self.products: list[tuple[int, str, Decimal]] = []
        self.product_weights: list[float] = []
        self.tags: list[tuple[int, str, str | None]] = []
        self.promos: list[_Promo] = []
        self.staff: list[int] = []
        self.new_staff = False
        # earlier clients of this run who can refer: (created_at, id)
        self.referrers: list[tuple[datetime, int]] = []
        self.usernames: set[str] = set()
        self.counts: dict[str, int] = dict.fromkeys(
            (f.name for f in fields(DemoSummary) if f.name != "catalog_reused"), 0
        )
        self.catalog_reused = False
        # a new catalog is priced in the shop's currency
        self.currency = shop_currency()
        self.promo_uses = 0
        self.timeline: list[datetime] = []

    def summary(self) -> DemoSummary:
        return DemoSummary(**self.counts, catalog_reused=self.catalog_reused)

    # --- catalog, tags, promo codes, staff ------------------------------------------

    async def prepare_shared(self, conn: BaseDBAsyncClient, wanted_clients: int) -> None:
        rng, now = self.rng, self.now
        # registration times, oldest first, more clients lately
        self.timeline = sorted(
            now - timedelta(seconds=HISTORY_DAYS * 86400 * rng.random() ** 1.6)
            for _ in range(wanted_clients)
        )
        if wanted_clients == 0:
            return
        shop_opened = now - timedelta(days=HISTORY_DAYS + 30)
        await self._prepare_catalog(conn, shop_opened)
        await self._prepare_tags(conn, shop_opened)
        await self._prepare_promos(conn, shop_opened)
        self.staff = list(
            await Client.filter(is_manager=True, anonymized_at=None)
            .using_db(conn)
            .order_by("id")
            .values_list("id", flat=True)
        )
        # a couple of managers and one viewer, when the shop has no manager yet
        self.new_staff = not self.staff and wanted_clients >= 10

    async def _prepare_catalog(self, conn: BaseDBAsyncClient, opened: datetime) -> None:
        rng = self.rng
        existing = await (
            Product.filter(is_hidden=False, category__is_hidden=False)
            .using_db(conn)
            .order_by("id")
            .values_list("id", "name", "price", "currency")
        )
        if existing:
            self.catalog_reused = True
            # orders are in one currency: the one most of the shop's products use
            self.currency = Counter(row[3] for row in existing).most_common(1)[0][0]
            self.products = [
                (pid, name, Decimal(price))
                for pid, name, price, currency in existing
                if currency == self.currency
            ]
        else:
            taken = set(
                await Product.exclude(sku=None).using_db(conn).values_list("sku", flat=True)
            )
            position = await Category.all().using_db(conn).count()
            serial = 0
            for name, description, (low, high), names in rng.sample(
                _CATALOG, rng.randint(6, min(10, len(_CATALOG)))
            ):
                category = await Category.create(
                    name=name,
                    description=description,
                    position=position,
                    is_demo=True,
                    using_db=conn,
                )
                position += 1
                self.counts["categories"] += 1
                for place, product_name in enumerate(rng.sample(names, rng.randint(5, 10))):
                    serial += 1
                    sku = f"DEMO-{serial:04d}"
                    while sku in taken:
                        serial += 1
                        sku = f"DEMO-{serial:04d}"
                    price = Decimal(rng.randint(low, high)) + Decimal(
                        rng.choice(("0.00", "0.49", "0.90", "0.99"))
                    )
                    hidden = rng.random() < 0.04
                    product = await Product.create(
                        category=category,
                        name=product_name,
                        description=f"{product_name}. {description}",
                        price=price,
                        currency=self.currency,
                        sku=sku,
                        stock=rng.choice((None, None, rng.randint(0, 80))),
                        is_hidden=hidden,
                        position=place,
                        is_demo=True,
                        created_at=opened + timedelta(days=rng.randint(0, 20)),
                        using_db=conn,
                    )
                    self.counts["products"] += 1
                    if not hidden:
                        self.products.append((product.id, product_name, price))
        # a few bestsellers, a long tail
        order = list(range(len(self.products)))
        rng.shuffle(order)
        weights = [0.0] * len(order)
        for rank, index in enumerate(order):
            weights[index] = 1 / (rank + 1) ** 0.8
        self.product_weights = list(accumulate(weights))

    async def _prepare_tags(self, conn: BaseDBAsyncClient, opened: datetime) -> None:
        existing = dict(
            await Tag.filter(name_folded__in=[name.casefold() for name, _ in _TAGS])
            .using_db(conn)
            .values_list("name_folded", "id")
        )
        for name, language in _TAGS:
            tag_id = existing.get(name.casefold())
            if tag_id is None:
                tag = await Tag.create(
                    name=name,
                    name_folded=name.casefold(),
                    is_demo=True,
                    created_at=opened,
                    using_db=conn,
                )
                tag_id = tag.id
                self.counts["tags"] += 1
            self.tags.append((tag_id, name, language))

    async def _prepare_promos(self, conn: BaseDBAsyncClient, opened: datetime) -> None:
        codes = [spec[0] for spec in _PROMOS]
        existing = {
            promo.code: promo
            for promo in await PromoCode.filter(code__in=codes).using_db(conn).order_by("id")
        }
        for code, kind, value, min_total, per_client, window in _PROMOS:
            promo = existing.get(code)
            if promo is None:
                valid_from = valid_until = None
                if window is not None:
                    valid_from = self.now - timedelta(days=window[0])
                    valid_until = self.now - timedelta(days=window[1])
                promo = await PromoCode.create(
                    code=code,
                    kind=kind,
                    value=Decimal(value),
                    currency=self.currency if kind is PromoKind.FIXED else None,
                    min_order_total=Decimal(min_total) if min_total else None,
                    max_uses_per_client=per_client,
                    valid_from=valid_from,
                    valid_until=valid_until,
                    is_active=valid_until is None or valid_until > self.now,
                    is_demo=True,
                    created_at=min(opened, valid_from or opened),
                    using_db=conn,
                )
                self.counts["promo_codes"] += 1
            if promo.currency not in (None, self.currency):
                continue  # a fixed discount in another currency than the orders
            self.promos.append(
                _Promo(
                    id=promo.id,
                    code=promo.code,
                    kind=PromoKind(promo.kind),
                    value=Decimal(promo.value),
                    min_total=promo.min_order_total,
                    per_client=promo.max_uses_per_client,
                    valid_from=promo.valid_from,
                    valid_until=promo.valid_until,
                    is_active=promo.is_active,
                    remaining=None
                    if promo.max_uses is None
                    else max(0, promo.max_uses - promo.uses_count),
                    model=promo,
                )
            )

    # --- one batch of clients -------------------------------------------------------

    async def write_batch(self, conn: BaseDBAsyncClient, size: int) -> None:
        postgres = conn.capabilities.dialect == "postgres"
        tables = [model._meta.db_table for model in (Client, Address, Order)]
        if postgres:
            # our explicit ids must not race the bot's own inserts
            await conn.execute_script(
                "LOCK TABLE " + ", ".join(f'"{t}"' for t in tables) + " IN EXCLUSIVE MODE"
            )
        ids = _Ids(*[await _max_id(conn, table) + 1 for table in tables])
        batch = _Batch()
        codes = self._referral_codes(size)
        taken = await _existing(conn, Client, "referral_code", codes)
        for code in taken:
            codes.remove(code)
        while len(codes) < size:
            code = self._referral_code()
            if code not in codes and not await _existing(conn, Client, "referral_code", [code]):
                codes.append(code)
        for code in codes:
            self._client(batch, ids, code)

        await Client.bulk_create(batch.clients, batch_size=INSERT_BATCH, using_db=conn)
        await _insert_client_tags(conn, batch.client_tags)
        await Address.bulk_create(batch.addresses, batch_size=INSERT_BATCH, using_db=conn)
        await Order.bulk_create(batch.orders, batch_size=INSERT_BATCH, using_db=conn)
        await OrderItem.bulk_create(batch.items, batch_size=INSERT_BATCH, using_db=conn)
        await OrderStatusChange.bulk_create(
            batch.status_changes, batch_size=INSERT_BATCH, using_db=conn
        )
        await PromoRedemption.bulk_create(batch.redemptions, batch_size=INSERT_BATCH, using_db=conn)
        await Favorite.bulk_create(batch.favorites, batch_size=INSERT_BATCH, using_db=conn)
        await ChatMessage.bulk_create(batch.chats, batch_size=INSERT_BATCH, using_db=conn)
        if postgres:
            for table in tables:
                await conn.execute_query(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), MAX(id)) "
                    f'FROM "{table}" HAVING MAX(id) IS NOT NULL'
                )
        counts = self.counts
        counts["clients"] += len(batch.clients)
        counts["addresses"] += len(batch.addresses)
        counts["orders"] += len(batch.orders)
        counts["favorites"] += len(batch.favorites)
        counts["chat_messages"] += len(batch.chats)
        counts["referrals"] += sum(c.referrer_id is not None for c in batch.clients)

    def _referral_code(self) -> str:
        return "".join(self.rng.choices(REFERRAL_CODE_ALPHABET, k=REFERRAL_CODE_LENGTH))

    def _referral_codes(self, size: int) -> list[str]:
        codes: dict[str, None] = {}
        while len(codes) < size:
            codes[self._referral_code()] = None
        return list(codes)

    def _client(self, batch: _Batch, ids: _Ids, referral_code: str) -> None:
        rng, now = self.rng, self.now
        position = self.index - self.first_index
        created_at = self.timeline[position]
        self.index += 1
        language = self.languages[
            bisect_left(self.language_weights, rng.random() * self.language_weights[-1])
        ]
        fake = self.fakers[language.code]
        female = rng.random() < 0.55
        if female:
            first_name, last_name = fake.first_name_female(), fake.last_name_female()
        else:
            first_name, last_name = fake.first_name_male(), fake.last_name_male()

        staff_role = None
        if self.new_staff and position < 3:
            staff_role = "viewer" if position == 2 else "manager"
        manual = staff_role is None and rng.random() < 0.04
        client = Client(
            id=ids.take("client"),
            is_demo=True,
            first_name=first_name,
            last_name=None if rng.random() < 0.12 and not manual else last_name,
            referral_code=referral_code,
            created_at=created_at,
        )
        if manual:
            client.source = MANUAL_SOURCE
            client.locale = language.code
        else:
            client.telegram_id = DEMO_TELEGRAM_ID_BASE + self.index - 1
            client.language_code = language.code
            client.source = _SOURCES[
                rng.choices(range(len(_SOURCES)), weights=_SOURCE_WEIGHTS[language.code])[0]
            ]
            if rng.random() < 0.55:
                client.username = self._username(first_name, last_name)
            if rng.random() < 0.1:
                client.locale = language.code
            referrers = self.referrers
            if staff_role is None and referrers and rng.random() < 0.1:
                earlier = bisect_left(referrers, (created_at, -1))
                if earlier:
                    client.referrer_id = referrers[rng.randrange(earlier)][1]
                    client.source = "referral"
            referrers.append((created_at, client.id))
        if staff_role == "manager":
            client.is_manager = True
        elif staff_role == "viewer":
            client.is_viewer = True
        if staff_role is not None:
            self.staff.append(client.id)

        ordering = manual or (staff_role is None and rng.random() < 0.6)
        if ordering or rng.random() < 0.3:
            client.phone = _phone(rng, language.code)
        if rng.random() < (0.7 if ordering else 0.25):
            client.email = self._email(first_name, last_name)
        wholesale = rng.random() < 0.06
        if wholesale:
            client.company = fake.company()
        if rng.random() < 0.08:
            client.custom_name = self._custom_name(client, fake, wholesale)
        if rng.random() < 0.12:
            client.description = rng.choice(language.descriptions)

        if staff_role is None and not manual:
            roll = rng.random()
            client.is_blocked = roll < 0.02
            client.bot_blocked = 0.02 <= roll < 0.05
            client.broadcasts_off = rng.random() < 0.05

        addresses = self._addresses(
            batch,
            ids,
            client,
            language,
            fake,
            rng.randint(1, 3) if ordering else int(rng.random() < 0.15),
        )
        last_activity = created_at
        if ordering:
            last_activity = self._orders(batch, ids, client, language, addresses, manual)
        if not manual and rng.random() < 0.1 and self.products:
            last_activity = max(last_activity, self._cart(batch, ids, client))
        if self.products and rng.random() < 0.25:
            self._favorites(batch, client)
        if not manual and self.staff and rng.random() < 0.15:
            last_activity = max(last_activity, self._chat(batch, client, language))
        if not manual:
            idle = timedelta(seconds=rng.random() * 14 * 86400 * rng.random())
            client.last_seen_at = min(now, last_activity + idle)

        tag_names = self._tags(batch, client, language, wholesale)
        client.search_text = search_text_of(client, tag_names)
        client.sort_name = sort_name_of(client)
        batch.clients.append(client)

    def _username(self, first: str, last: str) -> str:
        rng = self.rng
        first_l, last_l = _latin(first) or "user", _latin(last) or "shop"
        for _ in range(20):
            style = rng.randrange(4)
            if style == 0:
                name = f"{first_l}_{last_l}"
            elif style == 1:
                name = f"{first_l}{last_l[:1]}{rng.randint(1, 99)}"
            elif style == 2:
                name = f"{last_l}{rng.randint(70, 99)}"
            else:
                name = f"{first_l}{rng.randint(100, 9999)}"
            name = name[:32]
            if len(name) < 5:
                name = f"{name}_{rng.randint(10, 99)}"
            if name not in self.usernames:
                break
        else:
            name = f"user{self.index}"
        self.usernames.add(name)
        return name

    def _email(self, first: str, last: str) -> str:
        rng = self.rng
        first_l, last_l = _latin(first) or "client", _latin(last) or "mail"
        local = rng.choice(
            (
                f"{first_l}.{last_l}",
                f"{first_l[:1]}.{last_l}",
                f"{first_l}{rng.randint(1, 99)}",
                f"{last_l}.{first_l}{rng.randint(1, 9)}",
            )
        )
        return f"{local}@{rng.choice(_EMAIL_DOMAINS)}"

    def _custom_name(self, client: Client, fake: Faker, wholesale: bool) -> str:
        if wholesale and client.company:
            return f"{client.first_name} ({client.company})"[:128]
        return f"{client.first_name} {(client.last_name or '')[:1]}. {fake.city()}".replace(
            " . ", " "
        )[:128]

    def _addresses(
        self,
        batch: _Batch,
        ids: _Ids,
        client: Client,
        language: _Language,
        fake: Faker,
        count: int,
    ) -> list[Address]:
        rng = self.rng
        made: list[Address] = []
        labels = rng.sample(language.labels, min(count, len(language.labels)))
        for number, label in enumerate(labels):
            gift = number > 0 and rng.random() < 0.3
            address = Address(
                id=ids.take("address"),
                client_id=client.id,
                label=label if rng.random() < 0.7 else None,
                recipient=fake.name() if gift else f"{client.first_name} {client.last_name or ''}",
                phone=client.phone if not gift else _phone(rng, language.code),
                country=language.country,
                city=fake.city_name() if language.code == "ru" else fake.city(),
                street=fake.street_address(),
                postal_code=fake.postcode(),
                comment=rng.choice(language.comments) if rng.random() < 0.1 else None,
                is_default=number == 0,
                created_at=client.created_at + timedelta(minutes=rng.randint(1, 50)),
            )
            address.recipient = address.recipient.strip()
            made.append(address)
        batch.addresses.extend(made)
        return made

    def _pick_products(self, count: int) -> list[tuple[int, str, Decimal]]:
        picked: dict[int, tuple[int, str, Decimal]] = {}
        top = self.product_weights[-1]
        for _ in range(count * 3):
            product = self.products[bisect_left(self.product_weights, self.rng.random() * top)]
            picked.setdefault(product[0], product)
            if len(picked) == count:
                break
        return list(picked.values())

    def _lines(self, batch: _Batch, order: Order, count: int) -> Decimal:
        subtotal = Decimal("0")
        for product_id, name, price in self._pick_products(count):
            quantity = self.rng.choices((1, 2, 3, 5), weights=(70, 20, 8, 2))[0]
            line_total = price * quantity
            batch.items.append(
                OrderItem(
                    order_id=order.id,
                    product_id=product_id,
                    product_name=name,
                    unit_price=price,
                    quantity=quantity,
                    line_total=line_total,
                )
            )
            subtotal += line_total
        return subtotal

    def _status(self, placed_at: datetime) -> OrderStatus:
        age = (self.now - placed_at).days
        if age < 2:
            choices = ((OrderStatus.NEW, 50), (OrderStatus.CONFIRMED, 30))
            choices += ((OrderStatus.SHIPPED, 15), (OrderStatus.CANCELLED, 5))
        elif age < 10:
            choices = ((OrderStatus.CONFIRMED, 10), (OrderStatus.SHIPPED, 45))
            choices += ((OrderStatus.DELIVERED, 35), (OrderStatus.CANCELLED, 10))
        else:
            choices = ((OrderStatus.DELIVERED, 91), (OrderStatus.CANCELLED, 9))
        statuses, weights = zip(*choices, strict=True)
        return self.rng.choices(statuses, weights=weights)[0]

    def _orders(
        self,
        batch: _Batch,
        ids: _Ids,
        client: Client,
        language: _Language,
        addresses: list[Address],
        manual: bool,
    ) -> datetime:
        rng, now = self.rng, self.now
        if not self.products:
            return client.created_at
        first_possible = client.created_at + timedelta(hours=1)
        span = (now - first_possible).total_seconds()
        if span <= 0:
            return client.created_at
        count = rng.choices(range(1, 7), weights=(40, 22, 14, 10, 8, 6))[0]
        moments = sorted(
            first_possible + timedelta(seconds=span * rng.random()) for _ in range(count)
        )
        promo_uses: dict[int, int] = {}
        orders_count, total_spent, last_order_at = 0, Decimal("0"), None
        latest = client.created_at
        for created_at in moments:
            placed_at = min(now, created_at + timedelta(minutes=rng.randint(2, 90)))
            address = addresses[0] if rng.random() < 0.8 else rng.choice(addresses)
            by_manager = manual or rng.random() < 0.05
            order = Order(
                id=ids.take("order"),
                client_id=client.id,
                status=self._status(placed_at),
                created_by_id=rng.choice(self.staff) if by_manager and self.staff else None,
                contact_name=" ".join(p for p in (client.first_name, client.last_name) if p),
                contact_phone=client.phone,
                contact_email=client.email,
                address_id=address.id,
                address_text=_address_text(address),
                comment=rng.choice(language.comments) if rng.random() < 0.1 else None,
                currency=self.currency,
                created_at=created_at,
                placed_at=placed_at,
            )
            subtotal = self._lines(batch, order, rng.choices((1, 2, 3, 4), (45, 30, 15, 10))[0])
            discount = Decimal("0")
            if self.promos and rng.random() < 0.15:
                promo = rng.choice(self.promos)
                uses = promo_uses.get(promo.id, 0)
                found = promo.discount_for(subtotal, self.currency, placed_at, uses)
                if found is not None:
                    discount = found
                    order.promo_code_id = promo.id
                    # a cancelled order gave its use back (bot.services.promo.release)
                    if order.status != OrderStatus.CANCELLED:
                        self._redeem(batch, promo, promo_uses, order, placed_at, discount)
            order.subtotal = subtotal
            order.discount = discount
            order.total = subtotal - discount
            batch.orders.append(order)
            changes = status_history(order.id, order.status, placed_at, now, rng, self.staff)
            order.version = len(changes)  # one guarded update per step
            batch.status_changes += changes
            latest = max(latest, placed_at)
            if order.status in PLACED:
                orders_count += 1
                total_spent += order.total
                last_order_at = placed_at
        client.orders_count = orders_count
        client.total_spent = total_spent
        client.last_order_at = last_order_at
        return latest

    def _redeem(
        self,
        batch: _Batch,
        promo: _Promo,
        promo_uses: dict[int, int],
        order: Order,
        at: datetime,
        discount: Decimal,
    ) -> None:
        promo_uses[promo.id] = promo_uses.get(promo.id, 0) + 1
        promo.used += 1
        if promo.remaining is not None:
            promo.remaining -= 1
        self.promo_uses += 1
        batch.redemptions.append(
            PromoRedemption(
                promo_id=promo.id,
                client_id=order.client_id,
                order_id=order.id,
                discount=discount,
                currency=self.currency,
                created_at=at,
            )
        )

    def _cart(self, batch: _Batch, ids: _Ids, client: Client) -> datetime:
        rng, now = self.rng, self.now
        start = max(client.created_at, now - timedelta(days=30))
        created_at = start + (now - start) * rng.random()
        order = Order(
            id=ids.take("order"),
            client_id=client.id,
            status=OrderStatus.CART,
            currency=self.currency,
            created_at=created_at,
        )
        subtotal = self._lines(batch, order, rng.randint(1, 3))
        order.subtotal = order.total = subtotal
        order.discount = Decimal("0")
        batch.orders.append(order)
        return created_at

    def _favorites(self, batch: _Batch, client: Client) -> None:
        rng, now = self.rng, self.now
        for product_id, _name, _price in self._pick_products(rng.randint(1, 5)):
            batch.favorites.append(
                Favorite(
                    client_id=client.id,
                    product_id=product_id,
                    created_at=client.created_at + (now - client.created_at) * rng.random(),
                )
            )

    def _chat(self, batch: _Batch, client: Client, language: _Language) -> datetime:
        rng, now = self.rng, self.now
        moment = client.created_at
        for question, answer in rng.sample(language.chats, rng.randint(1, 3)):
            moment += (now - moment) * rng.random() * 0.5
            batch.chats.append(
                ChatMessage(
                    client_id=client.id,
                    direction=ChatDirection.INCOMING,
                    text=question,
                    is_read=True,
                    created_at=moment,
                )
            )
            if rng.random() < 0.15 and now - moment < timedelta(days=3):
                batch.chats[-1].is_read = False
                break  # not answered yet
            moment = min(now, moment + timedelta(minutes=rng.randint(2, 240)))
            batch.chats.append(
                ChatMessage(
                    client_id=client.id,
                    direction=ChatDirection.OUTGOING,
                    manager_id=rng.choice(self.staff),
                    text=answer,
                    is_read=True,
                    created_at=moment,
                )
            )
        return moment

    def _tags(
        self, batch: _Batch, client: Client, language: _Language, wholesale: bool
    ) -> list[str]:
        """About 40% of clients get tags; big spenders are VIP, companies wholesale."""
        rng = self.rng
        wanted: set[str] = set()
        if client.total_spent >= VIP_SPENT:
            wanted.add("VIP")
        if wholesale and rng.random() < 0.7:
            wanted.add(_WHOLESALE_TAG[language.code])
            if rng.random() < 0.5:
                wanted.add("B2B")
        if rng.random() < 0.36:
            fitting = [
                name
                for _, name, lang in self.tags
                if lang in (None, language.code) and name not in _EARNED_TAGS
            ]
            count = rng.choices((1, 2, 3), weights=(60, 30, 10))[0]
            wanted.update(rng.sample(fitting, min(len(fitting), count)))
        chosen = [(tag_id, name) for tag_id, name, _ in self.tags if name in wanted]
        batch.client_tags.extend((client.id, tag_id) for tag_id, _ in chosen)
        return [name for _, name in chosen]


async def _max_id(conn: BaseDBAsyncClient, table: str) -> int:
    _, rows = await conn.execute_query(f'SELECT MAX(id) AS m FROM "{table}"')
    value = rows[0]["m"] if rows else None
    return int(value or 0)


async def _existing(
    conn: BaseDBAsyncClient, model: type[Model], column: str, values: Sequence[str]
) -> list[str]:
    found: list[str] = []
    for start in range(0, len(values), INSERT_BATCH):
        chunk = values[start : start + INSERT_BATCH]
        found += (
            await model.filter(**{f"{column}__in": chunk})
            .using_db(conn)
            .values_list(column, flat=True)
        )
    return found


async def _insert_client_tags(conn: BaseDBAsyncClient, pairs: list[tuple[int, int]]) -> None:
    """Clients' tags straight into the M2M table: one multi-row INSERT per chunk."""
    relation = Client._meta.fields_map["tags"]
    table = Table(relation.through)  # type: ignore[attr-defined]
    columns = (relation.backward_key, relation.forward_key)  # type: ignore[attr-defined]
    for start in range(0, len(pairs), INSERT_BATCH):
        query = conn.query_class.into(table).columns(*columns)
        for client_id, tag_id in pairs[start : start + INSERT_BATCH]:
            query = query.insert(client_id, tag_id)
        await conn.execute_query(*query.get_parameterized_sql())
