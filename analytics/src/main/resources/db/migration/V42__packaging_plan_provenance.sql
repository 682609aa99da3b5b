-- Packaging plans name the objective that produced them (issue 15): each recommendation row
-- carries it, and packaging_plan keeps the provenance of the plan in packaging_recommendations
-- (objective, budgets, the solver's gap to the LP bound, the guard against the optimiser's curse).
ALTER TABLE packaging_recommendations ADD COLUMN objective VARCHAR(64);

-- One row (plan_id = 1): the plan whose rows packaging_recommendations holds.
CREATE TABLE packaging_plan (
    plan_id          INTEGER PRIMARY KEY,
    objective        VARCHAR(64) NOT NULL,
    provenance_json  VARCHAR(100000) NOT NULL,
    planned_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
