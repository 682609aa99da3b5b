-- Packaging damage: the damage model's predictions and the recommended package per product.
-- Written by `predict packaging`, `recommend packaging` and the Packaging screen; the overview
-- dashboard reads both tables by these names.

-- p(damage) of every product in every package type of the ladder.
CREATE TABLE packaging_predictions (
    product_id   VARCHAR(200) NOT NULL,
    package_type VARCHAR(200) NOT NULL,
    p_damage     DOUBLE PRECISION NOT NULL,
    predicted_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (product_id, package_type)
);
CREATE INDEX packaging_predictions_package ON packaging_predictions (package_type, p_damage);

-- The package to use per product at the chosen trade-off (lambda).
-- ship_cost_delta_inr: per shipment, (package + shipping cost in the recommended package)
-- minus (the same in the current package); negative saves money.
CREATE TABLE packaging_recommendations (
    product_id              VARCHAR(200) PRIMARY KEY,
    category                VARCHAR(500),
    subcategory             VARCHAR(500),
    current_package         VARCHAR(200),
    recommended_package     VARCHAR(200) NOT NULL,
    p_damage_current        DOUBLE PRECISION,
    p_damage_recommended    DOUBLE PRECISION NOT NULL,
    ship_cost_delta_inr     DOUBLE PRECISION,
    shipments               BIGINT NOT NULL,
    cost_current_inr        DOUBLE PRECISION,
    cost_recommended_inr    DOUBLE PRECISION NOT NULL,
    damage_cost_inr         DOUBLE PRECISION NOT NULL,
    lambda                  DOUBLE PRECISION NOT NULL,
    recommended_at          TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX packaging_recommendations_category ON packaging_recommendations (category, subcategory);
CREATE INDEX packaging_recommendations_change ON packaging_recommendations (current_package, recommended_package);
