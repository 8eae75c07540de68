INSERT INTO products (name, price) VALUES ('Walnut desk', 420.00), ('Oak shelf', 129.50), ('Lamp', 39.90);
