-- Shipments with their product's category, so that the Packaging screen's charts can drill down
-- to the shipments behind a category x package cell in the Data browser.
CREATE VIEW packaging_shipments AS
SELECT s.shipment_id, s.order_date, s.product_id, p.category, p.subcategory, p.title, s.package_type, s.status, s.quantity,
       s.ship_cost_inr, p.fragile, p.liquid, p.weight_g
FROM shipments s LEFT JOIN products p ON p.product_id = s.product_id;
