# Catalog administration (staff)
desk-catalog = 🗂 Catalog

catalog-admin-categories =
    🗂 <b>Catalog</b>
    { $total ->
        [0] No categories yet.
        [one] { $total } category. Choose one to see its products.
       *[other] { $total } categories. Choose one to see its products.
    }
catalog-admin-new-category = ➕ New category
catalog-admin-export = 📤 Export XLSX
catalog-admin-import = 📥 Import XLSX
catalog-admin-category =
    📁 <b>{ $name }</b>
    { $hidden ->
        [yes] 🙈 Hidden from customers
       *[no] 👁 Visible to customers
    }
catalog-admin-description-text = <i>{ $description }</i>
catalog-admin-category-count = { $count ->
        [0] No products yet.
        [one] { $count } product:
       *[other] { $count } products:
    }
catalog-admin-new-product = ➕ Product
catalog-admin-new-subcategory = ➕ Subcategory
catalog-admin-rename = ✏️ Rename
catalog-admin-describe = 📝 Description
catalog-admin-up = ⬆️ Up
catalog-admin-down = ⬇️ Down
catalog-admin-toggle-hidden = { $hidden ->
        [yes] 👁 Show
       *[no] 🙈 Hide
    }
catalog-admin-ask-category-name = { $purpose ->
        [rename] ✏️ Send the new name of the category (1–128 characters).
        [sub] ➕ Send the name of the new subcategory (1–128 characters).
       *[new] ➕ Send the name of the new category (1–128 characters).
    }
catalog-admin-ask-category-description = 📝 Send the category description (up to 4000 characters).
catalog-admin-remove-description = 🗑 Remove description

catalog-admin-product =
    🛍 <b>{ $name }</b>
    📁 { $category }
    💰 { $price }
    🏷 SKU: { $sku } · 📦 Stock: { $stock }
    { $hidden ->
        [yes] 🙈 Hidden from customers
       *[no] 👁 Visible to customers
    }
catalog-admin-edit-name = ✏️ Name
catalog-admin-edit-price = 💰 Price
catalog-admin-edit-description = 📝 Description
catalog-admin-edit-photo = 🖼 Photo
catalog-admin-move = 📁 Move
catalog-admin-delete = 🗑 Delete
catalog-admin-ask-product-name = { $mode ->
        [new] ➕ New product, step 1 of 4: send its name (1–255 characters).
       *[edit] ✏️ Send the new name for “{ $product }” (1–255 characters).
    }
catalog-admin-ask-product-price = { $mode ->
        [new] 💰 Step 2 of 4: send the price of “{ $product }”, e.g. 12.50 or 12,50.
       *[edit] 💰 Send the new price for “{ $product }”, e.g. 12.50 or 12,50.
    }
catalog-admin-ask-product-description = { $mode ->
        [new] 📝 Step 3 of 4: send a description (up to 4000 characters), or skip it.
       *[edit] 📝 Send the new description for “{ $product }” (up to 4000 characters).
    }
catalog-admin-ask-product-photo = { $mode ->
        [new] 🖼 Step 4 of 4: send a photo of the product, or save it without one.
       *[edit] 🖼 Send the new photo for “{ $product }”.
    }
catalog-admin-description-skip = ⏭ Skip
catalog-admin-description-remove = 🗑 Remove description
catalog-admin-photo-skip = 💾 Save without a photo
catalog-admin-photo-remove = 🗑 Remove photo
catalog-admin-ask-move = 📁 Move “{ $product }” to which category?
catalog-admin-ask-delete = 🗑 Delete “{ $name }” for good? This cannot be undone.
catalog-admin-delete-yes = 🗑 Yes, delete
catalog-admin-delete-no = ✖️ No

catalog-admin-export-caption = 📤 All products of the catalog.
catalog-admin-export-failed = Could not send the file. Please try again.
catalog-admin-import-help =
    📥 <b>Import products</b>
    Send an .xlsx file (up to { $max_mb } MB, { $max_rows } rows). The first row names the columns: sku, category, name, price (required), description, currency, hidden, stock, position. A subcategory is written “Parent / Child”.
    Products are matched by sku: known ones are updated, new ones created; an optional column left out keeps what the products have. If any row is wrong, nothing is imported.
catalog-admin-import-row = row { $row }: { $reason }
catalog-admin-import-rejected = { $count ->
        [one] ❌ Nothing was imported: { $count } row is wrong.
       *[other] ❌ Nothing was imported: { $count } rows are wrong.
    }
catalog-admin-import-more-errors = …and { $count } more.
catalog-admin-import-done =
    ✅ Imported. Products created: { $created }, updated: { $updated }, unchanged: { $unchanged }; new categories: { $categories_created }.
catalog-admin-import-send-file = Please send the .xlsx file as a document.
catalog-admin-import-too-big = The file is too big: at most { $mb } MB.
catalog-admin-import-download-failed = Could not download the file. Please send it again.
catalog-admin-import-not-xlsx = This is not an .xlsx workbook.
catalog-admin-import-missing-columns = Missing columns in the first row: { $columns }.
catalog-admin-import-too-many-rows = Too many rows: at most { $max }.
catalog-admin-import-empty = The file has no product rows.
catalog-admin-import-bad-flag = hidden “{ $value }” is neither yes nor no.
catalog-admin-import-bad-integer = { $column } “{ $value }” is not a whole number.
catalog-admin-import-no-sku = the sku is empty.
catalog-admin-import-long-sku = the sku is longer than { $max } characters.
catalog-admin-import-bad-currency = currency { $value } is not the shop currency { $shop }.
catalog-admin-import-repeated-sku = the same sku as row { $first }.

catalog-admin-error-name-empty = The name is empty.
catalog-admin-error-name-long = The name is too long: { $length } characters, at most { $max }.
catalog-admin-error-price-not-number = Price “{ $value }” is not a number. Send it like 12.50.
catalog-admin-error-price-not-positive = The amount must be greater than zero.
catalog-admin-error-price-too-large = The amount is too large: at most { $max }.
catalog-admin-error-price-decimals = At most two digits after the decimal point.
catalog-admin-error-description-long = The description is too long: at most { $max } characters.
catalog-admin-error-category-gone = This category no longer exists.
catalog-admin-error-nesting = Only one level of subcategories is possible.
catalog-admin-error-product-gone = This product no longer exists.
catalog-admin-error-product-ordered = This product is in orders, so it cannot be deleted. Hide it instead.
catalog-admin-error-not-photo = Please send a photo (as a picture, not a file).
catalog-admin-error-price-whole = The shop currency has no fractions: send a whole amount.
