# Promo codes administration (staff)
desk-promo = 🎟 Promo codes

promo-admin-list =
    🎟 <b>Promo codes</b>
    { $total ->
        [0] No promo codes yet.
        [one] { $total } code. Active ones come first; uses are shown as used/limit.
       *[other] { $total } codes. Active ones come first; uses are shown as used/limit.
    }
promo-admin-new = ➕ New promo code
promo-admin-card =
    🎟 <b>{ $code }</b> · { $status ->
        [active] ✅ active
       *[inactive] ⛔ inactive
    }
    Discount: { $value }
    Minimum order: { $min_total }
    Valid: { $period ->
            [none] without date limits
           *[some] { $valid_from } – { $valid_until } (UTC)
        }
    Used: { $uses } of { $max_uses }; per client: { $per_client }

    { $redemptions_total ->
        [0] Nobody has used it yet.
        [one] { $redemptions_total } use:
       *[other] { $redemptions_total } uses:
    }
promo-admin-redemption-line = • { $date } · { $client } · order #{ $order } · −{ $discount }
promo-admin-toggle-active = { $status ->
        [active] ⛔ Deactivate
       *[inactive] ✅ Reactivate
    }
promo-admin-ask-code =
    ➕ <b>New promo code</b>
    Send the code: 3–32 Latin letters, digits, “-” or “_”. It is stored in capitals.
promo-admin-ask-kind = 🎟 { $code }: what kind of discount?
promo-admin-kind-percent = % Percent
promo-admin-kind-fixed = 💵 Fixed amount
promo-admin-ask-value = { $kind ->
        [percent] Send the percentage: more than 0, at most 100 (e.g. 10 or 12.5).
       *[fixed] Send the amount in { $currency } (e.g. 5 or 4.99).
    }
promo-admin-ask-min-total = Minimum order total in { $currency } for the code to apply? Send an amount or skip.
promo-admin-ask-valid-from = First day the code works (YYYY-MM-DD, UTC)? Send a date or skip.
promo-admin-ask-valid-until = Last day the code works (YYYY-MM-DD, UTC)? Send a date or skip.
promo-admin-ask-max-uses = How many times may the code be used in total? Send a number or skip for no limit.
promo-admin-ask-max-per-client = How many times may one client use it? Send a number or skip for no limit.
promo-admin-summary =
    🎟 <b>{ $code }</b>
    Discount: { $value }
    Minimum order: { $min_total }
    Valid: { $period ->
            [none] without date limits
           *[some] { $valid_from } – { $valid_until } (UTC)
        }
    Uses in total: { $max_uses }; per client: { $per_client }

    Create this promo code?
promo-admin-create = ✅ Create
promo-admin-skip = ⏭ Skip
promo-admin-cancel = ✖️ Cancel

promo-admin-error-code = A code is 3–32 Latin letters, digits, “-” or “_”, without spaces or other signs.
promo-admin-error-code-taken = The code { $code } already exists. Choose another one.
promo-admin-error-percent = A percentage is more than 0 and at most 100.
promo-admin-error-date = “{ $value }” is not a date. Send it as YYYY-MM-DD, e.g. 2026-12-31.
promo-admin-error-until-before-from = The last day cannot be before the first day ({ $start }).
promo-admin-error-limit = Send a whole number from 1 to { $max }.
promo-admin-error-gone = This promo code no longer exists.
promo-admin-error-draft = The form is incomplete. Please start the new code again.
promo-admin-error-per-client-above-total = One client cannot use it more often than { $total } times, the limit for everybody.
