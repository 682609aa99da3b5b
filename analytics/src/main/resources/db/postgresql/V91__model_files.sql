-- Trained models stored in the workspace (issue 17, decision 0019): the bytes of each model file
-- (the JSON / Tribuo protobuf formats of docs/model-files.md, never Java serialisation) with who
-- wrote it and when, so that every analyst of a team workspace scores with the same model. The
-- models/ folder is this machine's copy, kept in step by ModelStore. This is the PostgreSQL twin (BYTEA for BLOB).
CREATE TABLE model_files (
    file_name    VARCHAR(200) PRIMARY KEY,
    content      BYTEA NOT NULL,
    size_bytes   BIGINT NOT NULL,
    sha256       VARCHAR(64) NOT NULL,
    trained_by   VARCHAR(200) NOT NULL,
    trained_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    stored_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    model_name   VARCHAR(100),
    metrics_json VARCHAR(1000000)
);
