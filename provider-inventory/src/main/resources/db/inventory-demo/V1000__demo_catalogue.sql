-- Demo catalogue for the local stack: skus 1-20, 1000 units each, prices between 1.00 and 100.00.
INSERT INTO products (sku_id, name, price) VALUES
    (1, 'Espresso beans', 100),
    (2, 'Green tea', 621),
    (3, 'Oat milk', 999),
    (4, 'Dark chocolate', 1663),
    (5, 'Olive oil', 2184),
    (6, 'Basmati rice', 2705),
    (7, 'Maple syrup', 3226),
    (8, 'Sea salt', 3747),
    (9, 'Black pepper', 4268),
    (10, 'Honey', 4789),
    (11, 'Pasta', 5310),
    (12, 'Tomato sauce', 5831),
    (13, 'Peanut butter', 6352),
    (14, 'Granola', 6873),
    (15, 'Coconut water', 7394),
    (16, 'Almonds', 7915),
    (17, 'Dried mango', 8436),
    (18, 'Sparkling water', 8957),
    (19, 'Rye bread', 9478),
    (20, 'Cheddar', 10000);

INSERT INTO stock (sku_id, available) SELECT sku_id, 1000 FROM products;
