-- Model lab template "late delivery" (issue 20): shipments that reached the customer (delivered,
-- damaged or returned) with both day counts known; late when delivered_days > promised_days.
-- Undeliverable shipments never arrived and are left out. Only what is known when the parcel is
-- sent is offered as a feature: delivered_days, attempts and status are outcomes and stay out.
CREATE VIEW late_delivery AS
SELECT s.shipment_id,
       s.order_date,
       s.package_type,
       s.quantity,
       s.ship_cost_inr,
       s.promised_days,
       p.category,
       p.price_inr,
       p.weight_g,
       p.fragile,
       a.state,
       a.city,
       CASE WHEN s.delivered_days > s.promised_days THEN TRUE ELSE FALSE END AS late
FROM shipments s
LEFT JOIN products p ON p.product_id = s.product_id
LEFT JOIN addresses a ON a.address_id = s.address_id
WHERE s.status IN ('delivered', 'damaged', 'returned')
  AND s.delivered_days IS NOT NULL
  AND s.promised_days IS NOT NULL;
