# Analytics: one client's (from the card) and the shop's (from the desk)
analytics-card-button = 📊 Analytics
analytics-desk-button = 📊 Shop analytics
analytics-back = ⬅️ Back
analytics-none = —
analytics-anonymized-name = Anonymized client #{ $id }
analytics-client =
    📊 <b>{ $name }</b> · #{ $id }: analytics

    🛒 Orders (placed, not cancelled): { $orders }
    💰 Spent and average check:
    { $spend }
    🗓 First order: { $first }
    🗓 Last order: { $last }

    <b>Orders by status</b>
    { $statuses }

    <b>Top products</b>
    { $products }
analytics-client-missing = ⚠️ This client no longer exists: deleted, or the link is wrong.
analytics-spend-line = { $total } in { $orders ->
        [one] 1 order
       *[other] { $orders } orders
    } · average check { $average }
analytics-status-line = { $status }: { $count }
analytics-product-line = { $place }. { $name } × { $quantity } · { $amount }
analytics-chart-button = 📈 Spend chart
analytics-chart-client-title = Spend per month, last 12 months ({ $currencies })
analytics-chart-client-caption = 📈 { $name }: spend per month, last 12 months
analytics-chart-empty = No spending in the last 12 months: nothing to draw.
analytics-chart-failed = The chart could not be sent. Please try again later.
analytics-shop =
    📊 <b>Shop analytics</b>

    👥 Clients: { $clients }

    <b>Where clients came from</b>
    { $sources }

    <b>Top tags</b>
    { $tags }

    <b>Top referrers</b>
    { $referrers }

    <b>Average check, { $period_name }</b>
    { $averages }
analytics-as-of = 🕒 As of { $as_of } UTC. Charts: new clients per week and revenue per month.
analytics-source-line = { $source }: { $count } ({ $share }%)
analytics-source-other = other sources: { $count }
analytics-tag-line = { $tag }: { $count }
analytics-referrer-line = { $name } #{ $id }: { $count ->
        [one] 1 client
       *[other] { $count } clients
    }
analytics-period-30d = 30 days
analytics-period-90d = 90 days
analytics-period-12m = 12 months
analytics-period-all = all time
analytics-charts-button = 📈 Charts
analytics-refresh = 🔄 Refresh
analytics-chart-new-clients-title = New clients per week, last 12 weeks
analytics-chart-new-clients-caption = 📈 New clients per week (as of { $as_of } UTC)
analytics-chart-revenue-title = Revenue per month, last 12 months ({ $currencies })
analytics-chart-revenue-caption = 📈 Revenue per month (as of { $as_of } UTC)
