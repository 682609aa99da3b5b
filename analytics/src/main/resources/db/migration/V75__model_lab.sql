-- Model lab (issue 20): the generic tables imported with `import -t table` and the lab's models.
-- Generic tables themselves are created at import time under the analyst's chosen name.

CREATE TABLE lab_tables (
    table_name   VARCHAR(64) PRIMARY KEY,
    source_file  VARCHAR(4000) NOT NULL,
    id_column    VARCHAR(64) NOT NULL,
    id_is_row_no BOOLEAN NOT NULL,
    columns_json VARCHAR(1000000) NOT NULL,
    row_count    BIGINT NOT NULL,
    run_id       BIGINT,
    imported_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE lab_models (
    model_name     VARCHAR(64) PRIMARY KEY,
    source_table   VARCHAR(64) NOT NULL,
    target_column  VARCHAR(64) NOT NULL,
    task           VARCHAR(20) NOT NULL,
    algorithm      VARCHAR(40) NOT NULL,
    validation     VARCHAR(200) NOT NULL,
    primary_metric VARCHAR(20) NOT NULL,
    primary_value  DOUBLE PRECISION,
    training_rows  BIGINT NOT NULL,
    seed           BIGINT NOT NULL,
    model_file     VARCHAR(1000) NOT NULL,
    metrics_json   VARCHAR(1000000),
    trained_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    scored_view    VARCHAR(64)
);
